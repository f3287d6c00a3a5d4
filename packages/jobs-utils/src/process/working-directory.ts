import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { PathOutsideRootError } from '../errors/path-outside-root-error.js';

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The real path of a job's working directory: `cwd` (relative to the first root, or absolute)
 * with links resolved, which must be an existing directory inside one of `roots`.
 */
export async function workingDirectory(
  field: string,
  cwd: string | undefined,
  roots: readonly string[],
): Promise<string> {
  const first = roots[0];
  if (first === undefined) throw new PathOutsideRootError(field, cwd ?? '', 'no working root is configured');
  const wanted = resolve(first, cwd ?? '.');
  let real: string;
  try {
    real = await realpath(wanted);
    if (!(await stat(real)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new PathOutsideRootError(field, wanted, 'is not an existing directory');
  }
  for (const root of roots) {
    const realRoot = await realpath(root).catch(() => undefined);
    if (realRoot !== undefined && inside(realRoot, real)) return real;
  }
  throw new PathOutsideRootError(field, wanted, 'is outside the allowed roots');
}
