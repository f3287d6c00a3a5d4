import { ConfigurationError, HangarError } from '@hangar/core';
import { createHttpServer } from '../../http/http-server.js';
import { createRunner, type HangarRunner } from '../../runner/hangar-runner.js';
import { CliError, configError, usageError } from '../cli-error.js';
import { collectPlugins, reportFailures } from '../cli-plugins.js';
import { configPath, loadConfig } from '../config.js';
import { EXIT } from '../exit-codes.js';
import { intFlag, parseCommand } from '../parse-command.js';
import {
  buildPluginServices,
  checkPluginSettings,
  type PluginServiceSet,
  pluginsWithoutSettings,
} from '../plugin-settings-host.js';
import { createQueue } from '../queue-factory.js';
import { createServeLogger, logLevelOf } from '../serve-logger.js';
import { type BuiltinCommand, printHelp } from './command.js';

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Resolves once the run's signal fires, or SIGINT/SIGTERM arrives when the run has none. */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal) {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * A refusal of one entry of the config (a ConfigurationError naming a field of it, a bad job
 * type or parameters) as a ConfigurationError naming the entry and its field.
 */
function inConfigEntry(entry: string, error: unknown): unknown {
  if (!(error instanceof HangarError)) return error;
  if (error instanceof ConfigurationError) {
    return new ConfigurationError(`${entry}.${String(error.params.option)}`, String(error.params.problem));
  }
  return new ConfigurationError(entry, error.message);
}

/** `hangar serve --config hangar.config.json`. */
export const serveCommand: BuiltinCommand = {
  name: 'serve',
  summary: 'Run a runner and the HTTP API from a config file',
  help: [
    'Usage: hangar serve [--config FILE] [--port N] [--host HOST]',
    '',
    'Starts a runner with the configured queue and plugins, and the HTTP API. Stops',
    'gracefully on SIGTERM or Ctrl-C: running jobs get the runner’s grace period.',
    '',
    '  -c, --config FILE   Config file (env HANGAR_CONFIG; default hangar.config.json)',
    '  -p, --port N        Port, instead of http.port (0 picks a free one)',
    '      --host HOST     Interface, instead of http.host',
    '',
    'Config: { "queue": { "kind": "memory" | "postgres" | "redis", "url": "...", "schema" | "prefix": "..." },',
    '          "plugins": ["@hangar/jobs-database", "./my-plugin.js"], "discover": true,',
    '          "http": { "port": 8080, "host": "127.0.0.1", "filesRoot": "./files",',
    '                    "tokens": [{ "token": "env:HANGAR_ADMIN_TOKEN", "customerId": "...", "userId": "...", "roles": ["admin"] }] },',
    '          "runner": { "concurrency": 4, "queues": { "default": 4 }, ... },',
    '          "log": { "level": "info", "format": "auto" | "json" | "pretty" } }',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: help text showing the config file's variable references
    'A plugins entry may be { "package": "@hangar/jobs-database", "settings": { "database": "${HANGAR_CONSO_DB_URL}" } }.',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: help text showing the config file's variable references
    '${NAME} (or ${NAME:-default}) in any string is read from the environment; so is a whole "env:NAME".',
    'The log goes to stderr: JSON lines, pretty on a terminal when pino-pretty is installed;',
    'HANGAR_LOG_LEVEL overrides log.level.',
  ],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, OPTIONS);
    if (values.help) return printHelp(serveCommand, ctx);
    if (positionals.length > 0)
      throw usageError('hangar.cli.usageError', { problem: `Unexpected argument "${positionals[0]}"` });
    // Checked before the config is read: a bad flag is a usage error whatever the file says.
    const portFlag = intFlag('--port', values.port, 0, 65_535);
    const path = configPath(ctx.cwd, ctx.env, values.config);
    const config = (await loadConfig(path, ctx.env, true))!;
    if (!config.http)
      throw configError('hangar.cli.configInvalid', {
        path,
        problem: 'http: add { "tokens": [...] } to serve the API',
      });
    const port = portFlag ?? config.http.port;
    const host = values.host ?? config.http.host;

    const plugins = await collectPlugins(ctx, config);
    const explicitFailure = plugins.failures.find((f) => f.source.origin !== 'node_modules');
    if (explicitFailure) {
      const { source, error } = explicitFailure;
      throw configError('hangar.cli.pluginFailed', {
        specifier: source.specifier,
        origin: source.origin,
        reason: error.message,
      });
    }
    reportFailures(ctx, plugins.failures);
    const { logger, flush } = await createServeLogger(
      ctx.stderr,
      logLevelOf(ctx.env, config.log.level),
      config.log.format,
    );
    const invalid = (error: unknown) =>
      error instanceof ConfigurationError
        ? configError('hangar.cli.configInvalid', { path, problem: error.message }, error)
        : error;

    let settled: ReturnType<typeof checkPluginSettings>;
    try {
      // Every plugin's settings are checked before any of them opens anything.
      settled = checkPluginSettings(config.plugins, plugins.loaded);
    } catch (error) {
      throw invalid(error);
    }
    for (const plugin of pluginsWithoutSettings(plugins.loaded, settled))
      logger.warn(ctx.t('hangar.cli.pluginNeedsSettings', { plugin: plugin.name }));
    const pluginServices: PluginServiceSet = await buildPluginServices(settled, config.dir);
    let queue: Awaited<ReturnType<typeof createQueue>> | undefined;
    let runner: HangarRunner | undefined;
    let app: ReturnType<typeof createHttpServer> | undefined;
    const shutdown = async () => {
      await app?.close();
      await runner?.stop();
      await queue?.close();
      await pluginServices.dispose();
    };
    try {
      queue = await createQueue(config.queue);
      runner = createRunner({
        ...config.runner,
        queue,
        plugins: plugins.loaded.map((p) => p.plugin),
        services: pluginServices.services,
        logger,
      });
      app = createHttpServer({
        client: runner.client,
        auth: { tokens: config.http.tokens },
        filesRoot: config.http.filesRoot,
        dashboard: config.http.dashboard,
        metrics: config.http.metrics,
        fastify: { loggerInstance: logger },
      });
      await runner.start();
      // Schedules the config declares; a bad one (cron, time zone, type, params) stops the start.
      for (const schedule of config.schedules) await runner.client.schedules.upsert(schedule);
      // And its event triggers; a bad one (states, job type, params) stops the start too.
      for (const [i, trigger] of config.triggers.entries()) {
        await runner.client.triggers.upsert(trigger).catch((error: unknown) => {
          throw inConfigEntry(`triggers[${i}]`, error);
        });
      }
      try {
        await app.listen({ port, host });
      } catch (error) {
        throw new CliError(EXIT.UNAVAILABLE, 'hangar.cli.listenFailed', {
          host,
          port,
          reason: (error as Error).message,
        });
      }
    } catch (error) {
      await shutdown().catch(() => {});
      await flush();
      throw invalid(error);
    }
    const address = app.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    const url = `http://${shownHost}:${actualPort}`;
    // stdout says where to connect (scripts read it); the log, on stderr, says it too.
    ctx.out(ctx.t('hangar.cli.listening', { url, count: runner.registry.types().length }));
    logger.info({ url, jobTypes: runner.registry.types().length }, 'Listening');

    await untilStopped(ctx.signal);
    logger.info(ctx.t('hangar.cli.stopping'));
    await shutdown();
    logger.info(ctx.t('hangar.cli.stopped'));
    await flush();
    return EXIT.OK;
  },
};
