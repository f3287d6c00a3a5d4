import { configError } from './cli-error.js';

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Replaces every `${NAME}` in the strings of a parsed config file by the environment variable
 * NAME, so that secrets and per-host values (database URLs, tokens) stay out of the file;
 * `${NAME:-default}` falls back to the default when NAME is unset or empty. A variable without a
 * default that is not set stops with the key path that refers to it and the variable's name,
 * unless `keepMissing` (commands that only read the plugin list must not need the server's secrets).
 */
export function substituteEnvReferences(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  file: string,
  keepMissing = false,
  path: readonly (string | number)[] = [],
): unknown {
  if (typeof value === 'string') {
    return value.replace(REFERENCE, (match, name: string, fallback: string | undefined) => {
      const found = env[name];
      if (found === undefined || found === '') {
        if (fallback !== undefined) return fallback;
        if (keepMissing) return match;
        throw configError('hangar.cli.envMissing', { path: file, field: path.join('.') || '(root)', name });
      }
      return found;
    });
  }
  if (Array.isArray(value))
    return value.map((item, i) => substituteEnvReferences(item, env, file, keepMissing, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        substituteEnvReferences(item, env, file, keepMissing, [...path, key]),
      ]),
    );
  }
  return value;
}
