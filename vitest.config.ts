import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string, entry = 'index') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${entry}.ts`, import.meta.url));

// Tests run against the TypeScript sources; the CLI tests run the built `dist` through a real process.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@hangar\/core\/testing$/, replacement: src('core', 'testing/index') },
      { find: /^@hangar\/core\/adapter$/, replacement: src('core', 'adapter/index') },
      { find: /^@hangar\/core$/, replacement: src('core') },
      { find: /^@hangar\/runner\/(memory|redis|postgres|http|cli)$/, replacement: src('runner', '$1/index') },
      { find: /^@hangar\/runner$/, replacement: src('runner') },
      { find: /^@hangar\/conso-db\/testing$/, replacement: src('conso-db', 'testing/index') },
      { find: /^@hangar\/conso-db\/postgres-copy$/, replacement: src('conso-db', 'postgres-copy/index') },
      { find: /^@hangar\/conso-db$/, replacement: src('conso-db') },
      { find: /^@hangar\/jobs-database\/testing$/, replacement: src('jobs-database', 'testing/index') },
      { find: /^@hangar\/jobs-database$/, replacement: src('jobs-database') },
      {
        find: /^@hangar\/jobs-importexport\/testing$/,
        replacement: src('jobs-importexport', 'testing/index'),
      },
      { find: /^@hangar\/jobs-importexport$/, replacement: src('jobs-importexport') },
      { find: /^@hangar\/jobs-utils\/testing$/, replacement: src('jobs-utils', 'testing/index') },
      { find: /^@hangar\/jobs-utils$/, replacement: src('jobs-utils') },
      { find: /^@hangar\/jobs-other\/testing$/, replacement: src('jobs-other', 'testing/index') },
      { find: /^@hangar\/jobs-other$/, replacement: src('jobs-other') },
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'examples/*/src/**/*.test.ts',
      'bench/src/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    // Compile-time tests (`*.test-d.ts`) go through tsc against the sources, like the aliases above.
    typecheck: {
      enabled: true,
      include: ['tests/**/*.test-d.ts'],
      tsconfig: './tsconfig.type-tests.json',
    },
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    setupFiles: ['./test-setup/open-handles.ts'],
    reporters: ['default', './test-setup/summary-reporter.ts'],
  },
});
