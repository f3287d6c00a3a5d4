import {
  BUILTIN_COMMANDS,
  CliError,
  DEFAULT_CONFIG_FILE,
  EXIT,
  ProgressBar,
  SseParser,
  cliMessages,
  configPath,
  configSchema,
  discoverInstalledPlugins,
  exitCodeForApiError,
  explicitPluginSources,
  isPlugin,
  languageFromEnv,
  loadConfig,
  loadPlugin,
  loadPlugins,
  runCli
} from "../chunk-E3S4GLWP.js";
import "../chunk-KY6ZJNSP.js";
import "../chunk-B6TWPKTS.js";
import "../chunk-V7NQM3WP.js";
import "../chunk-KVHFSRVM.js";
import "../chunk-MTN5VB52.js";
import "../chunk-7RYAG6XL.js";
import "../chunk-WY5ZCKJX.js";
export {
  BUILTIN_COMMANDS,
  CliError,
  DEFAULT_CONFIG_FILE,
  EXIT,
  ProgressBar,
  SseParser,
  cliMessages,
  configPath,
  configSchema,
  discoverInstalledPlugins,
  exitCodeForApiError,
  explicitPluginSources,
  isPlugin,
  languageFromEnv,
  loadConfig,
  loadPlugin,
  loadPlugins,
  runCli
};
//# sourceMappingURL=index.js.map