export { runCli, BUILTIN_COMMANDS } from './run-cli.js';
export { type CliRunIo, languageFromEnv } from './cli-context.js';
export { EXIT, type ExitCode, exitCodeForApiError } from './exit-codes.js';
export { CliError } from './cli-error.js';
export { cliMessages } from './cli-messages.js';
export { configSchema, loadConfig, configPath, DEFAULT_CONFIG_FILE, type HangarConfig } from './config.js';
export {
  discoverInstalledPlugins,
  explicitPluginSources,
  loadPlugin,
  loadPlugins,
  isPlugin,
  type LoadedPlugin,
  type PluginFailure,
  type PluginOrigin,
  type PluginSource,
} from './plugin-loader.js';
export { SseParser, type SseMessage } from './sse-parser.js';
export { ProgressBar } from './progress-bar.js';
export type { BuiltinCommand } from './commands/command.js';
