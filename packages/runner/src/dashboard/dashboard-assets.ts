import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '@hangar/core';

const PACKAGE_NAME = '@hangar/runner';

/** The browser files of the dashboard, built into `dist/dashboard/` of the package. */
export interface DashboardAssets {
  /** The page's script (one bundle, no imports). */
  script: Buffer;
  /** The page's style sheet. */
  style: Buffer;
}

/** Directory of the built browser files: `dist/dashboard` of the package this module belongs to. */
export function dashboardAssetsDir(): string {
  // The sources, the bundled chunks and their entries sit at different depths below the package.
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === PACKAGE_NAME) return join(dir, 'dist', 'dashboard');
    } catch {
      // No package.json here, or not ours; look one level up.
    }
    if (dirname(dir) === dir) {
      throw new ConfigurationError('dashboard', `the ${PACKAGE_NAME} package directory was not found`);
    }
  }
}

/** Reads the built files once, at registration, so a missing build fails at startup, not in the browser. */
export function loadDashboardAssets(dir: string = dashboardAssetsDir()): DashboardAssets {
  const read = (name: string): Buffer => {
    try {
      return readFileSync(join(dir, name));
    } catch {
      throw new ConfigurationError(
        'dashboard',
        `the dashboard file ${name} is missing from ${dir}; build the package (npm run build)`,
      );
    }
  };
  return { script: read('app.js'), style: read('app.css') };
}
