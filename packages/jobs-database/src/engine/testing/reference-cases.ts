import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, five levels above this folder. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

/**
 * The folder of the published reference cases, one `hangar conso evaluate` case file each, kept in
 * the repository so that a clone runs them. HANGAR_CONSO_CASES names another folder of case files
 * in the same format (further cases to judge the engine on).
 */
export const REFERENCE_CASES_DIR =
  process.env.HANGAR_CONSO_CASES ?? path.join(REPO_ROOT, 'examples', 'conso-cases');

/** One published reference case. */
export interface ReferenceCase {
  /** Case id. */
  readonly id: string;
  /** Step the case exercises. */
  readonly step: string;
  /** The input, as published. */
  readonly input: Record<string, unknown>;
  /** The expected output, as published. */
  readonly expected: Record<string, unknown>;
  /** The case file. */
  readonly file: string;
}

/** Loads every reference case of the folder (each `*.json` file with a `step` is a case). */
export function loadReferenceCases(): ReferenceCase[] {
  return readdirSync(REFERENCE_CASES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.join(REFERENCE_CASES_DIR, name);
      return { ...(JSON.parse(readFileSync(file, 'utf8')) as Omit<ReferenceCase, 'file'>), file };
    })
    .filter((c) => typeof c.step === 'string');
}
