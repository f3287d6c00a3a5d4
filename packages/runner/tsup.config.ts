import { build } from 'esbuild';
import { packageBuild } from '../../tsup.package.js';

/** The dashboard's browser files: one script and one style sheet, no imports, served from dist. */
async function buildDashboard(): Promise<void> {
  await build({
    entryPoints: { app: 'src/dashboard/client/main.ts' },
    outdir: 'dist/dashboard',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

export default packageBuild(
  {
    index: 'src/index.ts',
    'memory/index': 'src/memory/index.ts',
    'redis/index': 'src/redis/index.ts',
    'postgres/index': 'src/postgres/index.ts',
    'http/index': 'src/http/index.ts',
    'cli/index': 'src/cli/index.ts',
    'cli/main': 'src/cli/main.ts',
    // Run as a worker thread by isolated jobs (`isolation: 'worker'`), never imported.
    'worker/job-thread': 'src/worker/isolation/job-thread.ts',
  },
  { onSuccess: buildDashboard },
);
