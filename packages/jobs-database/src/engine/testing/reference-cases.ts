import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, five levels above this folder. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

/** Where the published reference cases live; HANGAR_CONSO_SPEC points elsewhere when set. */
export const REFERENCE_CASES_PATH =
  process.env.HANGAR_CONSO_SPEC ?? path.resolve(REPO_ROOT, '../shared/conso-spec/cases.json');

/** True when the reference cases file can be read, so suites can skip cleanly without it. */
export const referenceCasesAvailable = existsSync(REFERENCE_CASES_PATH);

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
}

/** Loads every published reference case. */
export function loadReferenceCases(): ReferenceCase[] {
  if (!referenceCasesAvailable) return [];
  const parsed = JSON.parse(readFileSync(REFERENCE_CASES_PATH, 'utf8')) as { cases?: ReferenceCase[] };
  return parsed.cases ?? [];
}
