import { defineConfig } from 'tsup';

/**
 * The build of every published package: ESM and CommonJS side by side, each with its own
 * declarations (.d.ts for `import`, .d.cts for `require`). Source maps point at the sources by
 * path without embedding them, which kept each unpacked package about three times its code.
 * `shims` gives the CommonJS build an `import.meta.url`, which the optional-driver loading uses.
 */
export function packageBuild(
  entry: Record<string, string>,
  extra: { onSuccess?: () => Promise<void> } = {},
): ReturnType<typeof defineConfig> {
  return defineConfig({
    entry,
    ...extra,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    shims: true,
    clean: true,
    target: 'node20',
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
  });
}
