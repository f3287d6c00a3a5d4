import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoDatabase } from '../../schema/conso-database.js';
import type { CrossTenantCases, CrossTenantContext, CrossTenantHost } from './cross-tenant-case.js';
import { checkCrossTenantCase, coverageGaps } from './cross-tenant-check.js';
import { loadTwoTenantFixture } from './two-tenant-fixture.js';

/** A migrated, empty consolidation database with a host running every pack over it. */
export interface CrossTenantBackend {
  readonly db: Kysely<ConsoDatabase>;
  readonly host: CrossTenantHost;
  /** Writes a file where the jobs read their `file` param; returns that param. */
  writeFile(name: string, content: string | Buffer): Promise<string>;
  close(): Promise<void>;
}

/** Options of {@link crossTenantSuite}. */
export interface CrossTenantSuiteOptions {
  /** Name of the backend, e.g. `sqlite`. */
  readonly name: string;
  /** Why the backend cannot run here; undefined when it can. */
  readonly skipReason: string | undefined;
  /** Opens the backend. */
  open(): Promise<CrossTenantBackend>;
  /** The cases of every pack the host runs. */
  readonly cases: readonly CrossTenantCases[];
}

/**
 * Registers the cross-tenant suite with vitest: for every job type of the host's registry, each
 * case runs as customer A with params naming customer B's objects, and must be refused or
 * confined to A with B's data unchanged in every table. A registered type without cases fails
 * the suite, so a new job cannot escape it.
 *
 * @example
 * ```ts
 * crossTenantSuite({ name: 'sqlite', skipReason: undefined, open: openSqliteHost,
 *   cases: [consoCrossTenantCases, importExportCrossTenantCases] });
 * ```
 */
export function crossTenantSuite(options: CrossTenantSuiteOptions): void {
  const cases: CrossTenantCases = Object.assign({}, ...options.cases);
  describe.skipIf(options.skipReason !== undefined)(`cross-tenant suite on ${options.name}`, () => {
    let backend: CrossTenantBackend;
    let ctx: CrossTenantContext;
    beforeAll(async () => {
      backend = await options.open();
      const fixture = await loadTwoTenantFixture(backend.db);
      ctx = { ...fixture, writeFile: backend.writeFile };
    }, 60_000);
    afterAll(async () => backend?.close());

    it('covers every registered job type, and only those', () => {
      expect(coverageGaps(backend.host.types, Object.keys(cases))).toEqual({ uncovered: [], unknown: [] });
    });

    for (const [type, typeCases] of Object.entries(cases)) {
      for (const testCase of typeCases) {
        it(`${type}: ${testCase.name}`, async () => {
          expect(await checkCrossTenantCase(backend.db, backend.host, ctx, type, testCase)).toEqual([]);
        });
      }
    }
  });
}
