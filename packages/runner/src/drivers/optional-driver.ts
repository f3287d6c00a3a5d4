import { createRequire } from 'node:module';
import { DriverNotInstalledError } from '@hangar/core';

/** The runner's optional peer dependencies: each serves one entry point only. */
export type OptionalDriver = 'pg' | 'ioredis' | 'fastify';

// Resolved from the runner's own location, as a static import would be, in ESM and CommonJS alike
// (the CommonJS build gets `import.meta.url` from the build's shim).
const requireFromRunner = createRequire(import.meta.url);
const loaded = new Map<OptionalDriver, unknown>();

/**
 * Loads an optional driver on first use. Nothing imports the drivers statically, so importing an
 * entry point never fails; the first use of a driver that is not installed throws
 * `DriverNotInstalledError` with the install command, instead of a bare "Cannot find module".
 * Each driver is a CommonJS package, so `require` gives the same module an `import` would.
 */
export function requireDriver<T>(driver: OptionalDriver, feature: string): T {
  if (loaded.has(driver)) return loaded.get(driver) as T;
  try {
    const module = requireFromRunner(driver) as T;
    loaded.set(driver, module);
    return module;
  } catch (cause) {
    const missing =
      (cause as { code?: unknown } | null)?.code === 'MODULE_NOT_FOUND' &&
      String((cause as Error).message).includes(`'${driver}'`);
    throw missing ? new DriverNotInstalledError(driver, feature, cause) : cause;
  }
}
