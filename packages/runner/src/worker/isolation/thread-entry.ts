import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The worker-thread script: a file, or (from the sources) code that loads it through tsx. */
export interface ThreadEntry {
  script: URL | string;
  eval: boolean;
}

let cached: ThreadEntry | undefined;

/**
 * Finds the job-thread script next to this code. From the sources (tests) it is the TypeScript
 * file, run through tsx. From the build it is always the ESM file, even for the CommonJS build:
 * an ESM thread can import both ESM and CommonJS job modules, where a CommonJS one would turn
 * `import()` into `require()`. The build puts shared code in chunks at the root of `dist` and
 * the CommonJS entries in their folders, so the script is looked for at both depths.
 */
export function threadEntry(): ThreadEntry {
  if (cached) return cached;
  const here = import.meta.url;
  if (/\.[cm]?ts$/.test(here)) {
    // A worker does not take `--import tsx` from execArgv on Node 20: register tsx in it first.
    // tsx's ESM build of its API (`require.resolve` finds the CommonJS one, which an eval worker cannot load).
    const tsx = pathToFileURL(
      createRequire(here)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
    const script = new URL('./job-thread.ts', here).href;
    cached = {
      script: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`,
      eval: true,
    };
    return cached;
  }
  for (const relative of ['./worker/job-thread.js', '../worker/job-thread.js']) {
    const url = new URL(relative, here);
    if (existsSync(url)) {
      cached = { script: url, eval: false };
      return cached;
    }
  }
  throw new Error(`The job-thread script is missing next to ${here}; reinstall @hangar/runner`);
}
