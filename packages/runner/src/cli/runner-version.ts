import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = '@hangar/runner';

/**
 * Version of the installed `@hangar/runner`, read from its package.json. The file is found by
 * walking up from this module, because the sources, the bundled chunks and the CLI entry sit at
 * different depths below it.
 */
export function runnerVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // No package.json here, or not ours; look one level up.
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}
