import { packageBuild } from '../../tsup.package.js';

export default packageBuild({
  index: 'src/index.ts',
  'testing/index': 'src/testing/index.ts',
  'postgres-copy/index': 'src/postgres-copy/index.ts',
});
