export { type CapturedIo, captureCliIo } from './captured-io.js';
export { type CliRunIo, languageFromEnv } from './cli-context.js';
export { CliError } from './cli-error.js';
export { cliMessages } from './cli-messages.js';
export type { BuiltinCommand } from './commands/command.js';
export { configPath, configSchema, DEFAULT_CONFIG_FILE, type HangarConfig, loadConfig } from './config.js';
export { EXIT, type ExitCode, exitCodeForApiError } from './exit-codes.js';
export {
  discoverInstalledPlugins,
  explicitPluginSources,
  isPlugin,
  type LoadedPlugin,
  loadPlugin,
  loadPlugins,
  type PluginFailure,
  type PluginOrigin,
  type PluginSource,
} from './plugin-loader.js';
export { ProgressBar } from './progress-bar.js';
export { BUILTIN_COMMANDS, runCli } from './run-cli.js';
export { type SseMessage, SseParser } from './sse-parser.js';
