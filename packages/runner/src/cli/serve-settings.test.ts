import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { capture, startServe, useTempDir } from './test-kit.js';

const TOKEN = 'serve-settings-operator-token';
const settingsPlugin = fileURLToPath(new URL('./settings-test-plugin.ts', import.meta.url));
const plainPlugin = fileURLToPath(new URL('./test-kit.ts', import.meta.url));

const scope = useTempDir();

// biome-ignore lint/suspicious/noTemplateCurlyInString: a config file's reference to an environment variable
const GREETING_REF = '${GREETING}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: a config file's reference to an environment variable
const TOKEN_REF = '${SERVE_TOKEN}';

const configWith = (plugins: unknown[]) => ({
  queue: { kind: 'memory' },
  plugins,
  discover: false,
  http: {
    port: 0,
    host: '127.0.0.1',
    tokens: [{ token: TOKEN_REF, customerId: 'acme', userId: 'alice', roles: ['operator'] }],
  },
  runner: { pollIntervalMs: 20, shutdownGraceMs: 1000 },
});

const writeConfig = (config: unknown) =>
  writeFile(join(scope.dir, 'hangar.config.json'), JSON.stringify(config));

describe('hangar serve with plugin settings', () => {
  it('builds a plugin’s services from its settings, with variable references, and releases them on stop', async () => {
    await writeConfig(
      configWith([plainPlugin, { package: settingsPlugin, settings: { greeting: GREETING_REF } }]),
    );
    const server = await startServe(scope.dir, { SERVE_TOKEN: TOKEN, GREETING: 'Bonjour' });
    const client = capture({ HANGAR_URL: server.url, HANGAR_TOKEN: TOKEN }, scope.dir);
    const code = await runCli(['enqueue', 'test.greet', '--params', '{"who":"Ada"}', '--wait'], client.io);
    expect(client.out()).toContain('"text": "Bonjour, Ada"');
    // A relative directory in the settings is read from the config file's directory.
    expect(client.out()).toContain(`"dir": ${JSON.stringify(scope.dir)}`);
    expect(code).toBe(0);
    await expect(readFile(join(scope.dir, 'disposed.txt'), 'utf8')).rejects.toThrow();

    const { code: exit, io } = await server.stop();
    expect(exit).toBe(0);
    expect(io.err()).not.toContain('takes settings');
    expect(await readFile(join(scope.dir, 'disposed.txt'), 'utf8')).toBe('disposed');
  });

  it.each([
    [
      'settings that fail the plugin’s schema',
      [{ package: settingsPlugin, settings: { greeting: 42 } }],
      { GREETING: 'x' },
      '"plugins.0.settings.greeting": Invalid input: expected string, received number',
    ],
    [
      'an unknown settings key',
      [plainPlugin, { package: settingsPlugin, settings: { greeting: 'hi', greting: 'x' } }],
      {},
      '"plugins.1.settings": Unrecognized key: "greting"',
    ],
    [
      'settings for a plugin that takes none',
      [{ package: plainPlugin, settings: { a: 1 } }],
      {},
      '"plugins.0.settings": test-plugin takes no settings',
    ],
    [
      'an unset variable referred to in settings',
      [{ package: settingsPlugin, settings: { greeting: GREETING_REF } }],
      {},
      'plugins.0.settings.greeting refers to the environment variable GREETING',
    ],
    ['an entry that is neither a name nor an object', [{ name: 'x' }], {}, 'plugins.0: give a package name'],
  ])('refuses %s before listening, naming the key path (exit 78)', async (_label, plugins, env, message) => {
    await writeConfig(configWith(plugins));
    const io = capture({ SERVE_TOKEN: TOKEN, ...env }, scope.dir);
    expect(await runCli(['serve'], io.io)).toBe(78);
    expect(io.err()).toContain(message);
    expect(io.err()).toContain(join(scope.dir, 'hangar.config.json'));
    expect(io.out()).not.toContain('listening');
  });

  it('warns when a loaded plugin takes settings the config does not give', async () => {
    await writeConfig(configWith([settingsPlugin]));
    const server = await startServe(scope.dir, { SERVE_TOKEN: TOKEN });
    const { io } = await server.stop();
    expect(io.err()).toContain(
      'Plugin test-settings-plugin takes settings (such as its database) that the config does not give',
    );
  });
});
