import { ConfigurationError } from '@hangar/core';

/**
 * Loads an optional peer dependency that an option turned on needs; when it is not installed,
 * a `ConfigurationError` names the option and the package to install. `load` must be the
 * `import()` itself, so that bundlers see the package name.
 */
export async function loadOptionalPeer<T>(load: () => Promise<T>, option: string, pkg: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new ConfigurationError(
        option,
        `needs the ${pkg} package: install it with \`npm install ${pkg}\`, or turn ${option} off`,
      );
    }
    throw error;
  }
}
