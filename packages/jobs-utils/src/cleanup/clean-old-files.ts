import type { Dirent } from 'node:fs';
import { lstat, readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CleanupCount, CleanupRun } from './cleanup-kinds.js';

/**
 * Deletes regular files last modified before `cutoff` below each directory, then the directories
 * left empty (never a root itself). Links are neither followed nor deleted, so nothing outside
 * the roots is touched. A dry run counts the same files and bytes.
 */
export async function cleanOldFiles(
  roots: readonly string[],
  cutoff: Date,
  run: CleanupRun,
): Promise<CleanupCount> {
  const total = { count: 0, bytes: 0 };
  async function walk(dir: string, isRoot: boolean): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // removed meanwhile, or not there yet
    }
    for (const entry of entries) {
      run.ctx.checkpoint();
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, false);
      else if (entry.isFile()) {
        const stat = await lstat(path).catch(() => undefined);
        if (stat?.isFile() && stat.mtime < cutoff) {
          if (!run.dryRun) await rm(path, { force: true });
          total.count += 1;
          total.bytes += stat.size;
          run.progress(total.count);
        }
      }
    }
    // Fails harmlessly (ENOTEMPTY) when anything is left.
    if (!isRoot && !run.dryRun) await rmdir(dir).catch(() => undefined);
  }
  for (const root of roots) await walk(root, true);
  return { kind: 'files', ...total };
}
