import { packageBuild } from '../../tsup.package.js';

export default packageBuild({
  index: 'src/index.ts',
  'adapter/index': 'src/adapter/index.ts',
  'testing/index': 'src/testing/index.ts',
});
