import { ConfigurationError } from '@hangar/core';
import { describe, expect, it } from 'vitest';
import { UtilsPlugin, utilsPluginFromSettings } from '../plugin/utils-plugin.js';
import { UTILS_DEFAULTS } from './utils-options.js';

const refused = (build: () => unknown, option: string) => {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).params.option).toBe(option);
    return;
  }
  throw new Error(`accepted a bad ${option}`);
};

describe('plugin options and settings', () => {
  it('fills in the defaults: nothing may run until the operator allows it', () => {
    const plugin = new UtilsPlugin();
    expect(plugin.options).toEqual(UTILS_DEFAULTS);
    expect(plugin.options.commandLine.executables).toEqual({});
    expect(plugin.options.sql.connections).toEqual({});
    expect(plugin.jobs.map((job) => job.type)).toEqual([
      'utils.run-command-line',
      'utils.run-sql-command',
      'utils.run-stored-procedure',
      'utils.cleanup',
      'utils.close-period',
      'utils.index-rebuild',
    ]);
  });

  it('refuses a bad option in the constructor, naming it', () => {
    refused(
      () => new UtilsPlugin({ commandLine: { executables: { ls: 'ls' } } }),
      'commandLine.executables.ls',
    );
    refused(() => new UtilsPlugin({ commandLine: { roots: ['relative/dir'] } }), 'commandLine.roots.0');
    refused(() => new UtilsPlugin({ commandLine: { killGraceMs: 0 } }), 'commandLine.killGraceMs');
    refused(() => new UtilsPlugin({ commandLine: { paramEnv: ['A-B'] } }), 'commandLine.paramEnv.0');
    refused(
      () => new UtilsPlugin({ commandLine: { timeoutMs: 10, maxTimeoutMs: 5 } }),
      'commandLine.timeoutMs',
    );
    refused(() => new UtilsPlugin({ sql: { connections: { main: 'ftp://x' } } }), 'sql.connections.main');
    refused(() => new UtilsPlugin({ cleanup: { pauseRatio: -1 } }), 'cleanup.pauseRatio');
    refused(() => new UtilsPlugin({ cleanup: { pauseRatio: Number.NaN } }), 'cleanup.pauseRatio');
    expect(new UtilsPlugin({ cleanup: { pauseRatio: 0 } }).options.cleanup.pauseRatio).toBe(0);
  });

  it('builds the plugin from a config-file section, refusing unknown or mistyped fields by path', () => {
    const plugin = utilsPluginFromSettings({
      commandLine: { executables: { node: process.execPath }, roots: ['/srv/jobs'] },
      sql: { connections: { conso: 'sqlite::memory:' }, allowedCustomers: ['OPS'] },
    });
    expect(plugin.options.commandLine.roots).toEqual(['/srv/jobs']);
    expect(plugin.options.commandLine.killGraceMs).toBe(UTILS_DEFAULTS.commandLine.killGraceMs);
    expect(plugin.options.sql.allowedCustomers).toEqual(['OPS']);
    refused(() => utilsPluginFromSettings({ commandLine: { timeoutMs: 'soon' } }), 'commandLine.timeoutMs');
    refused(() => utilsPluginFromSettings({ sql: { conections: {} } }), 'sql');
    expect(utilsPluginFromSettings(undefined).options).toEqual(UTILS_DEFAULTS);
  });
});
