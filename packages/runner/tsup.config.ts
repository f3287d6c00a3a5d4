import { packageBuild } from '../../tsup.package.js';

export default packageBuild({
  index: 'src/index.ts',
  'memory/index': 'src/memory/index.ts',
  'redis/index': 'src/redis/index.ts',
  'postgres/index': 'src/postgres/index.ts',
  'http/index': 'src/http/index.ts',
  'cli/index': 'src/cli/index.ts',
  'cli/main': 'src/cli/main.ts',
  // Run as a worker thread by isolated jobs (`isolation: 'worker'`), never imported.
  'worker/job-thread': 'src/worker/isolation/job-thread.ts',
});
