import {
  createRunner
} from "./chunk-KY6ZJNSP.js";
import {
  MemoryQueue
} from "./chunk-B6TWPKTS.js";
import {
  createHttpServer
} from "./chunk-KVHFSRVM.js";

// src/cli/cli-messages.ts
var cliMessages = {
  en: {
    "hangar.cli.unknownCommand": 'Unknown command "{command}".',
    "hangar.cli.usageError": "{problem}",
    "hangar.cli.missingArgument": "Missing {name}: {hint}",
    "hangar.cli.badJson": `The value of {flag} is not valid JSON ({reason}); quote it, e.g. {flag} '{"a": 1}'`,
    "hangar.cli.badNumber": 'The value of {flag} must be a whole number, got "{value}"',
    "hangar.cli.numberTooSmall": "The value of {flag} must be at least {min}, got {value}",
    "hangar.cli.numberTooLarge": "The value of {flag} must be at most {max}, got {value}",
    "hangar.cli.version": "hangar {version}",
    "hangar.cli.badUrl": 'The server URL "{url}" is not an http(s) URL; pass e.g. --server http://127.0.0.1:8080',
    "hangar.cli.noToken": "No API token: pass --token or set HANGAR_TOKEN",
    "hangar.cli.unreachable": "Cannot reach the Hangar server at {url} ({reason}); check --server or HANGAR_URL",
    "hangar.cli.badResponse": "The server at {url} answered {status} without a Hangar error body",
    "hangar.cli.streamLost": "Lost the event stream of job {jobId} ({reason})",
    "hangar.cli.enqueued": "Job {jobId} enqueued ({type})",
    "hangar.cli.succeeded": "Job {jobId} succeeded",
    "hangar.cli.failed": "Job {jobId} failed",
    "hangar.cli.cancelledJob": "Job {jobId} was cancelled",
    "hangar.cli.stoppedWaiting": "Stopped waiting; job {jobId} goes on (see: hangar status {jobId})",
    "hangar.cli.cancelOutcome.cancelled": "Job {jobId} cancelled; it will not run",
    "hangar.cli.cancelOutcome.requested": "Cancellation of job {jobId} requested; its worker is stopping it",
    "hangar.cli.cancelOutcome.finished": "Job {jobId} had already finished ({state})",
    "hangar.cli.jobRetried": "Job {jobId} is {state} again, with up to {maxAttempts} attempts in all",
    "hangar.cli.jobDeleted": "Job {jobId} deleted, with its log",
    "hangar.cli.workflow": "Workflow {name} ({id}): {state}, {done} of {total} steps done",
    "hangar.cli.workflowCancelled": "Workflow {id}: {outcome}; {steps} steps cancelled or stopping",
    "hangar.cli.scheduleCreated": "Schedule {name} created; next run {next}",
    "hangar.cli.scheduleReplaced": "Schedule {name} replaced; next run {next}",
    "hangar.cli.schedulePaused": "Schedule {name} paused",
    "hangar.cli.scheduleResumed": "Schedule {name} resumed; next run {next}",
    "hangar.cli.scheduleDeleted": "Schedule {name} deleted",
    "hangar.cli.noJobs": "No jobs",
    "hangar.cli.noSchedules": "No schedules",
    "hangar.cli.triggerCreated": "Trigger {name} created",
    "hangar.cli.triggerReplaced": "Trigger {name} replaced",
    "hangar.cli.triggerPaused": "Trigger {name} paused",
    "hangar.cli.triggerResumed": "Trigger {name} resumed; it fires on jobs that end from now on",
    "hangar.cli.triggerDeleted": "Trigger {name} deleted",
    "hangar.cli.noTriggers": "No triggers",
    "hangar.cli.morePages": "More jobs: hangar list --cursor {cursor}",
    "hangar.cli.configNotFound": "Config file {path} not found; create it or pass --config <file>",
    "hangar.cli.configInvalid": "Invalid config {path}: {problem}",
    "hangar.cli.envMissing": "Config {path}: {field} refers to the environment variable {name}, which is not set",
    "hangar.cli.pluginFailed": "Could not load plugin {specifier} ({origin}): {reason}",
    "hangar.cli.pluginConflict": 'Plugin command "{command}" of {plugin} is hidden by an earlier command with the same name',
    "hangar.cli.adapterMissing": "The {kind} queue adapter could not be loaded ({reason}); install its driver: npm install {driver}",
    "hangar.cli.badLogLevel": 'HANGAR_LOG_LEVEL is "{value}"; use one of {levels}',
    "hangar.cli.pluginServicesFailed": "Could not start the services of plugin {plugin}: {reason}",
    "hangar.cli.pluginNeedsSettings": 'Plugin {plugin} takes settings (such as its database) that the config does not give, so its jobs may miss a service; give them in a "plugins" entry with "package" and "settings"',
    "hangar.cli.listening": "Hangar listening on {url} with {count} job types; stop with Ctrl-C or SIGTERM",
    "hangar.cli.listenFailed": "Could not listen on {host}:{port} ({reason})",
    "hangar.cli.stopping": "Stopping: finishing running jobs",
    "hangar.cli.stopped": "Stopped",
    "hangar.cli.commandFailed": 'Command "{command}" failed: {reason}',
    "hangar.cli.unexpected": "Unexpected error: {reason}"
  },
  fr: {
    "hangar.cli.unknownCommand": "Commande inconnue \xAB {command} \xBB.",
    "hangar.cli.usageError": "{problem}",
    "hangar.cli.missingArgument": "Il manque {name} : {hint}",
    "hangar.cli.badJson": `La valeur de {flag} n'est pas du JSON valide ({reason}) ; mettez-la entre guillemets, par ex. {flag} '{"a": 1}'`,
    "hangar.cli.badNumber": "La valeur de {flag} doit \xEAtre un nombre entier, re\xE7u \xAB {value} \xBB",
    "hangar.cli.numberTooSmall": "La valeur de {flag} doit \xEAtre au moins {min}, re\xE7u {value}",
    "hangar.cli.numberTooLarge": "La valeur de {flag} doit \xEAtre au plus {max}, re\xE7u {value}",
    "hangar.cli.version": "hangar {version}",
    "hangar.cli.badUrl": "L'URL du serveur \xAB {url} \xBB n'est pas une URL http(s) ; passez par ex. --server http://127.0.0.1:8080",
    "hangar.cli.noToken": "Aucun jeton d'API : passez --token ou d\xE9finissez HANGAR_TOKEN",
    "hangar.cli.unreachable": "Impossible de joindre le serveur Hangar \xE0 {url} ({reason}) ; v\xE9rifiez --server ou HANGAR_URL",
    "hangar.cli.badResponse": "Le serveur {url} a r\xE9pondu {status} sans corps d'erreur Hangar",
    "hangar.cli.streamLost": "Flux d'\xE9v\xE9nements de la t\xE2che {jobId} perdu ({reason})",
    "hangar.cli.enqueued": "T\xE2che {jobId} mise en file ({type})",
    "hangar.cli.succeeded": "T\xE2che {jobId} r\xE9ussie",
    "hangar.cli.failed": "T\xE2che {jobId} en \xE9chec",
    "hangar.cli.cancelledJob": "T\xE2che {jobId} annul\xE9e",
    "hangar.cli.stoppedWaiting": "Attente interrompue ; la t\xE2che {jobId} continue (voir : hangar status {jobId})",
    "hangar.cli.cancelOutcome.cancelled": "T\xE2che {jobId} annul\xE9e ; elle ne sera pas ex\xE9cut\xE9e",
    "hangar.cli.cancelOutcome.requested": "Annulation de la t\xE2che {jobId} demand\xE9e ; son worker l'arr\xEAte",
    "hangar.cli.cancelOutcome.finished": "La t\xE2che {jobId} \xE9tait d\xE9j\xE0 termin\xE9e ({state})",
    "hangar.cli.jobRetried": "La t\xE2che {jobId} est de nouveau {state}, avec au plus {maxAttempts} tentatives en tout",
    "hangar.cli.jobDeleted": "T\xE2che {jobId} supprim\xE9e, avec son journal",
    "hangar.cli.workflow": "Workflow {name} ({id}) : {state}, {done} \xE9tapes sur {total} termin\xE9es",
    "hangar.cli.workflowCancelled": "Workflow {id} : {outcome} ; {steps} \xE9tapes annul\xE9es ou en arr\xEAt",
    "hangar.cli.scheduleCreated": "Planification {name} cr\xE9\xE9e ; prochaine ex\xE9cution {next}",
    "hangar.cli.scheduleReplaced": "Planification {name} remplac\xE9e ; prochaine ex\xE9cution {next}",
    "hangar.cli.schedulePaused": "Planification {name} suspendue",
    "hangar.cli.scheduleResumed": "Planification {name} reprise ; prochaine ex\xE9cution {next}",
    "hangar.cli.scheduleDeleted": "Planification {name} supprim\xE9e",
    "hangar.cli.noJobs": "Aucune t\xE2che",
    "hangar.cli.noSchedules": "Aucune planification",
    "hangar.cli.triggerCreated": "D\xE9clencheur {name} cr\xE9\xE9",
    "hangar.cli.triggerReplaced": "D\xE9clencheur {name} remplac\xE9",
    "hangar.cli.triggerPaused": "D\xE9clencheur {name} suspendu",
    "hangar.cli.triggerResumed": "D\xE9clencheur {name} repris ; il se d\xE9clenche sur les t\xE2ches qui se terminent \xE0 partir de maintenant",
    "hangar.cli.triggerDeleted": "D\xE9clencheur {name} supprim\xE9",
    "hangar.cli.noTriggers": "Aucun d\xE9clencheur",
    "hangar.cli.morePages": "Autres t\xE2ches : hangar list --cursor {cursor}",
    "hangar.cli.configNotFound": "Fichier de configuration {path} introuvable ; cr\xE9ez-le ou passez --config <fichier>",
    "hangar.cli.configInvalid": "Configuration {path} invalide : {problem}",
    "hangar.cli.envMissing": "Configuration {path} : {field} renvoie \xE0 la variable d'environnement {name}, qui n'est pas d\xE9finie",
    "hangar.cli.pluginFailed": "Impossible de charger le plugin {specifier} ({origin}) : {reason}",
    "hangar.cli.pluginConflict": "La commande \xAB {command} \xBB du plugin {plugin} est masqu\xE9e par une commande ant\xE9rieure de m\xEAme nom",
    "hangar.cli.adapterMissing": "L'adaptateur de file {kind} n'a pas pu \xEAtre charg\xE9 ({reason}) ; installez son pilote : npm install {driver}",
    "hangar.cli.badLogLevel": "HANGAR_LOG_LEVEL vaut \xAB {value} \xBB ; utilisez l'un de {levels}",
    "hangar.cli.pluginServicesFailed": "Impossible de d\xE9marrer les services du plugin {plugin} : {reason}",
    "hangar.cli.pluginNeedsSettings": `Le plugin {plugin} prend des r\xE9glages (comme sa base de donn\xE9es) que la configuration ne donne pas, ses t\xE2ches risquent donc de manquer d'un service ; donnez-les dans une entr\xE9e de "plugins" avec "package" et "settings"`,
    "hangar.cli.listening": "Hangar \xE9coute sur {url} avec {count} types de t\xE2ches ; arr\xEAt par Ctrl-C ou SIGTERM",
    "hangar.cli.listenFailed": "Impossible d'\xE9couter sur {host}:{port} ({reason})",
    "hangar.cli.stopping": "Arr\xEAt : fin des t\xE2ches en cours",
    "hangar.cli.stopped": "Arr\xEAt\xE9",
    "hangar.cli.commandFailed": "La commande \xAB {command} \xBB a \xE9chou\xE9 : {reason}",
    "hangar.cli.unexpected": "Erreur inattendue : {reason}"
  }
};

// src/cli/exit-codes.ts
var EXIT = {
  /** Done; with `--wait`, the job Succeeded. */
  OK: 0,
  /** The job Failed, or the job was not found. */
  FAILED: 1,
  /** The job was Cancelled. */
  CANCELLED: 2,
  /** Bad command line: unknown command or flag, missing argument, bad JSON in a flag. */
  USAGE: 64,
  /** The server refused the input: invalid parameters or options, unknown job type. */
  DATA: 65,
  /** The server could not be reached or is unavailable. */
  UNAVAILABLE: 69,
  /** An internal error, in the CLI or the server. */
  SOFTWARE: 70,
  /** The token is missing, wrong, or lacks the role. */
  NOPERM: 77,
  /** The config file, a plugin or a queue adapter could not be loaded. */
  CONFIG: 78,
  /** Interrupted by Ctrl-C while waiting. */
  INTERRUPTED: 130
};
function exitCodeForApiError(code, status) {
  switch (code) {
    case "UNAUTHORIZED":
    case "FORBIDDEN":
      return EXIT.NOPERM;
    case "PARAMS_INVALID":
    case "JOB_TYPE_UNKNOWN":
    case "REQUEST_INVALID":
    case "CONFIG_INVALID":
      return EXIT.DATA;
    case "JOB_NOT_FOUND":
    case "FILE_NOT_FOUND":
      return EXIT.FAILED;
    case "SERVICE_UNAVAILABLE":
      return EXIT.UNAVAILABLE;
    default:
      return status >= 500 ? EXIT.SOFTWARE : EXIT.FAILED;
  }
}

// src/cli/cli-error.ts
import { HangarError, Translator } from "@hangar/core";
var english = new Translator().register(cliMessages);
var CliError = class extends HangarError {
  /** Process exit code. */
  exitCode;
  /** Field problems reported by the server, printed one per line. */
  issues;
  /** A message already rendered by the server, printed instead of the key. */
  rendered;
  constructor(exitCode, key, params = {}, extra = {}) {
    super(extra.code ?? "CLI_ERROR", key, extra.rendered ?? english.render({ key, params }), {
      params,
      cause: extra.cause,
      retryable: false
    });
    this.exitCode = exitCode;
    this.issues = extra.issues ?? [];
    this.rendered = extra.rendered;
  }
};
function usageError(key, params = {}) {
  return new CliError(EXIT.USAGE, key, params, { code: "USAGE" });
}
function configError(key, params = {}, cause) {
  return new CliError(EXIT.CONFIG, key, params, { code: "CONFIG", cause });
}

// src/cli/cli-context.ts
import { coreMessages, Translator as Translator2 } from "@hangar/core";
function languageFromEnv(env) {
  for (const name of ["HANGAR_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (!value || value === "C" || value === "POSIX") continue;
    const tag = value.split(".")[0]?.replace("_", "-");
    if (tag) return tag;
  }
  return "en";
}
var CliContext = class {
  /** Standard output. */
  stdout;
  /** Standard error. */
  stderr;
  /** Environment variables. */
  env;
  /** Working directory. */
  cwd;
  /** Abort signal of the run, if any. */
  signal;
  /** Renders the CLI's, the framework's and the loaded plugins' messages. */
  translator = new Translator2().register(coreMessages).register(cliMessages);
  /** Language of the messages; `--lang` of a command replaces it. */
  lang;
  constructor(io) {
    this.stdout = io.stdout;
    this.stderr = io.stderr;
    this.env = io.env ?? process.env;
    this.cwd = io.cwd ?? process.cwd();
    this.signal = io.signal;
    this.lang = languageFromEnv(this.env);
  }
  /** A message in the user's language. */
  t(key, params) {
    return this.translator.render(params ? { key, params } : { key }, this.lang);
  }
  /** Writes a line to stdout. */
  out(line = "") {
    this.stdout.write(`${line}
`);
  }
  /** Writes a line to stderr. */
  err(line = "") {
    this.stderr.write(`${line}
`);
  }
  /** Prints an error the way every command does, and returns its exit code. */
  fail(error) {
    if (error instanceof CliError) {
      this.err(`hangar: ${error.rendered ?? this.t(error.key, error.params)}`);
      for (const issue of error.issues) this.err(`  - ${issue.path || "(root)"}: ${issue.message}`);
      return error.exitCode;
    }
    const reason = error instanceof Error ? error.message : String(error);
    this.err(`hangar: ${this.t("hangar.cli.unexpected", { reason })}`);
    return EXIT.SOFTWARE;
  }
};

// src/cli/config.ts
import { readFile } from "fs/promises";
import { dirname, isAbsolute, resolve } from "path";
import { z } from "zod";

// src/cli/env-references.ts
var REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
function substituteEnvReferences(value, env, file, keepMissing = false, path = []) {
  if (typeof value === "string") {
    return value.replace(REFERENCE, (match, name, fallback) => {
      const found = env[name];
      if (found === void 0 || found === "") {
        if (fallback !== void 0) return fallback;
        if (keepMissing) return match;
        throw configError("hangar.cli.envMissing", { path: file, field: path.join(".") || "(root)", name });
      }
      return found;
    });
  }
  if (Array.isArray(value))
    return value.map((item, i) => substituteEnvReferences(item, env, file, keepMissing, [...path, i]));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        substituteEnvReferences(item, env, file, keepMissing, [...path, key])
      ])
    );
  }
  return value;
}

// src/cli/serve-logger.ts
import { pino } from "pino";
var LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
function logLevelOf(env, configured) {
  const fromEnv = env.HANGAR_LOG_LEVEL;
  if (fromEnv === void 0 || fromEnv === "") return configured ?? "info";
  if (!LOG_LEVELS.includes(fromEnv))
    throw configError("hangar.cli.badLogLevel", { value: fromEnv, levels: LOG_LEVELS.join(", ") });
  return fromEnv;
}
async function loadPretty() {
  const name = "pino-pretty";
  try {
    const mod = await import(name);
    return typeof mod.default === "function" ? mod.default : void 0;
  } catch {
    return void 0;
  }
}
async function createServeLogger(stream, level, format = "auto") {
  const wantsPretty = format === "pretty" || format === "auto" && stream.isTTY === true;
  const pretty = wantsPretty ? await loadPretty() : void 0;
  const destination = pretty ? pretty({ destination: stream, colorize: stream.isTTY === true, sync: true }) : stream;
  const logger = pino({ level, base: { pid: process.pid } }, destination);
  return {
    logger,
    format: pretty ? "pretty" : "json",
    flush: () => new Promise((resolve3) => logger.flush(() => resolve3()))
  };
}

// src/cli/config.ts
var DEFAULT_CONFIG_FILE = "hangar.config.json";
var ms = z.number().int().min(0);
var queueSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("memory") }),
    z.strictObject({
      kind: z.literal("postgres"),
      url: z.string().min(1),
      schema: z.string().min(1).optional()
    }),
    z.strictObject({
      kind: z.literal("redis"),
      url: z.string().min(1),
      prefix: z.string().min(1).optional()
    })
  ],
  { error: 'set "kind" to "memory", "postgres" (with "url") or "redis" (with "url")' }
);
var tokenSchema = z.strictObject({
  token: z.string().min(1),
  customerId: z.string().min(1),
  userId: z.string().min(1),
  roles: z.array(z.enum(["admin", "operator", "viewer"])).min(1, { error: "give at least one of admin, operator, viewer" })
});
var httpSchema = z.strictObject({
  port: z.number().int().min(0).max(65535).default(8080),
  host: z.string().min(1).default("127.0.0.1"),
  tokens: z.array(tokenSchema).min(1, { error: "configure at least one token" }),
  filesRoot: z.string().min(1).optional(),
  dashboard: z.boolean().default(false),
  /** Prometheus metrics at GET /metrics (needs prom-client); `{ customerLabel: true }` adds the customer. */
  metrics: z.union([z.boolean(), z.strictObject({ customerLabel: z.boolean().optional() })]).default(false)
});
var scheduleSchema = z.strictObject({
  name: z.string().min(1),
  cron: z.string().min(1),
  timezone: z.string().min(1).optional(),
  type: z.string().min(1),
  params: z.unknown().default({}),
  options: z.strictObject({
    queue: z.string().min(1).optional(),
    priority: z.number().int().optional(),
    customerId: z.string().min(1).optional(),
    userId: z.string().min(1).optional()
  }).default({}),
  paused: z.boolean().default(false)
});
var triggerSchema = z.strictObject({
  name: z.string().min(1),
  on: z.strictObject({
    type: z.string().min(1),
    customerId: z.string().min(1).optional(),
    states: z.array(z.enum(["Succeeded", "Failed", "Cancelled"])).min(1, {
      error: "give at least one of Succeeded, Failed, Cancelled"
    }),
    metadata: z.record(z.string(), z.string()).optional()
  }),
  job: z.strictObject({
    type: z.string().min(1),
    params: z.unknown().default({}),
    queue: z.string().min(1).optional(),
    priority: z.number().int().optional()
  }),
  paused: z.boolean().default(false)
});
var runnerSchema = z.strictObject({
  concurrency: z.number().int().min(1).optional(),
  queues: z.record(z.string(), z.number().int().min(1)).optional(),
  jobTypes: z.array(z.string().min(1)).optional(),
  leaseMs: ms.optional(),
  heartbeatMs: ms.optional(),
  pollIntervalMs: ms.optional(),
  recoveryIntervalMs: ms.optional(),
  schedulerIntervalMs: ms.optional(),
  triggerSettleMs: ms.optional(),
  shutdownGraceMs: ms.optional(),
  abortGraceMs: ms.optional(),
  maxPerCustomer: z.number().int().min(1).optional(),
  cleanupIntervalMs: ms.optional(),
  retention: z.union([
    z.literal(false),
    z.strictObject({
      succeededMs: ms,
      cancelledMs: ms,
      failedMs: ms,
      batchSize: z.number().int().min(1).optional()
    })
  ]).optional(),
  workerId: z.string().min(1).optional()
});
var pluginEntrySchema = z.union(
  [
    z.string().min(1).transform((name) => ({ package: name, settings: void 0 })),
    z.strictObject({ package: z.string().min(1), settings: z.unknown().optional() })
  ],
  { error: 'give a package name or path, or { "package": "...", "settings": { ... } }' }
);
var logSchema = z.strictObject({
  level: z.enum(LOG_LEVELS).optional(),
  format: z.enum(["auto", "json", "pretty"]).default("auto")
});
var configSchema = z.strictObject({
  $schema: z.string().optional(),
  queue: queueSchema.default({ kind: "memory" }),
  plugins: z.array(pluginEntrySchema).default([]),
  discover: z.boolean().default(true),
  http: httpSchema.optional(),
  runner: runnerSchema.default({}),
  log: logSchema.default({ format: "auto" }),
  schedules: z.array(scheduleSchema).default([]),
  triggers: z.array(triggerSchema).default([])
});
function configPath(cwd, env, flag) {
  const file = flag ?? env.HANGAR_CONFIG ?? DEFAULT_CONFIG_FILE;
  return isAbsolute(file) ? file : resolve(cwd, file);
}
async function loadConfig(path, env, required) {
  let text3;
  try {
    text3 = await readFile(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT" && !required) return void 0;
    if (error.code === "ENOENT")
      throw configError("hangar.cli.configNotFound", { path });
    throw configError("hangar.cli.configInvalid", { path, problem: error.message }, error);
  }
  let raw;
  try {
    raw = JSON.parse(text3);
  } catch (error) {
    throw configError("hangar.cli.configInvalid", {
      path,
      problem: `not valid JSON (${error.message})`
    });
  }
  const parsed = configSchema.safeParse(substituteEnvReferences(raw, env, path, !required));
  if (!parsed.success) {
    const problem = parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`).join("; ");
    throw configError("hangar.cli.configInvalid", { path, problem });
  }
  const config = { ...parsed.data, path, dir: dirname(path) };
  const fromEnv = (field, value) => {
    if (!value.startsWith("env:")) return value;
    const name = value.slice(4);
    const found = env[name];
    if (found === void 0 || found === "")
      throw configError("hangar.cli.envMissing", { path, field, name });
    return found;
  };
  if (config.queue.kind !== "memory") config.queue.url = fromEnv("queue.url", config.queue.url);
  if (config.http) {
    config.http.tokens = config.http.tokens.map((t, i) => ({
      ...t,
      token: fromEnv(`http.tokens.${i}.token`, t.token)
    }));
    if (config.http.filesRoot) config.http.filesRoot = resolve(config.dir, config.http.filesRoot);
  }
  return config;
}

// src/cli/plugin-loader.ts
import { readdir, readFile as readFile2 } from "fs/promises";
import { dirname as dirname2, isAbsolute as isAbsolute2, join, resolve as resolve2 } from "path";
import { pathToFileURL } from "url";
function explicitPluginSources(configPlugins, configDir, env, cwd) {
  const fromEnv = (env.HANGAR_PLUGINS ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
  return dedupe([
    ...configPlugins.map((specifier) => ({ specifier, origin: "config", baseDir: configDir })),
    ...fromEnv.map((specifier) => ({ specifier, origin: "HANGAR_PLUGINS", baseDir: cwd }))
  ]);
}
async function discoverInstalledPlugins(cwd) {
  const found = [];
  for (let dir = resolve2(cwd); ; dir = dirname2(dir)) {
    let names = [];
    try {
      names = await readdir(join(dir, "node_modules", "@hangar"));
    } catch {
      names = [];
    }
    for (const name of names.sort()) {
      if (name.startsWith("jobs-"))
        found.push({ specifier: `@hangar/${name}`, origin: "node_modules", baseDir: dir });
    }
    if (dirname2(dir) === dir) break;
  }
  return dedupe(found);
}
function dedupe(sources) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const source of sources) {
    if (seen.has(source.specifier)) continue;
    seen.add(source.specifier);
    out.push(source);
  }
  return out;
}
function isPlugin(value) {
  const v = value;
  return typeof v === "object" && v !== null && typeof v.name === "string" && Array.isArray(v.jobs);
}
async function packageEntry(pkgDir) {
  const pkg = JSON.parse(await readFile2(join(pkgDir, "package.json"), "utf8"));
  const pick = (value) => {
    if (typeof value === "string") return value;
    if (typeof value !== "object" || value === null) return void 0;
    const record = value;
    if ("." in record) return pick(record["."]);
    for (const condition of ["import", "node", "default", "require"]) {
      const chosen = pick(record[condition]);
      if (chosen) return chosen;
    }
    return void 0;
  };
  const entry = pick(pkg.exports) ?? (typeof pkg.module === "string" ? pkg.module : void 0) ?? (typeof pkg.main === "string" ? pkg.main : "index.js");
  return join(pkgDir, entry);
}
async function resolveSpecifier(source) {
  const { specifier, baseDir } = source;
  if (specifier.startsWith("file:")) return specifier;
  if (specifier.startsWith(".") || isAbsolute2(specifier)) {
    return pathToFileURL(isAbsolute2(specifier) ? specifier : resolve2(baseDir, specifier)).href;
  }
  for (let dir = resolve2(baseDir); ; dir = dirname2(dir)) {
    const pkgDir = join(dir, "node_modules", specifier);
    try {
      return pathToFileURL(await packageEntry(pkgDir)).href;
    } catch {
    }
    if (dirname2(dir) === dir) return specifier;
  }
}
async function loadPlugin(source) {
  const mod = await import(await resolveSpecifier(source));
  const defaultExport = mod.default;
  const candidates = [
    mod.default,
    mod.plugin,
    defaultExport?.default,
    defaultExport?.plugin,
    ...Object.values(mod)
  ];
  const plugin = candidates.find(isPlugin);
  if (!plugin) throw new Error("the module exports no plugin (an object with `name` and `jobs`)");
  return plugin;
}
async function loadPlugins(sources) {
  const results = await Promise.allSettled(sources.map((source) => loadPlugin(source)));
  const loaded = [];
  const failures = [];
  const names = /* @__PURE__ */ new Set();
  results.forEach((result, i) => {
    const source = sources[i];
    if (result.status === "rejected") {
      failures.push({
        source,
        error: result.reason instanceof Error ? result.reason : new Error(String(result.reason))
      });
    } else if (!names.has(result.value.name)) {
      names.add(result.value.name);
      loaded.push({ source, plugin: result.value });
    }
  });
  return { loaded, failures };
}

// src/cli/progress-bar.ts
var ProgressBar = class _ProgressBar {
  constructor(stream, width = 30) {
    this.stream = stream;
    this.width = width;
    this.tty = stream.isTTY === true;
  }
  stream;
  width;
  tty;
  shown = "";
  /** The bar text for a count, e.g. `[#########.....................]  30% 3/10`. */
  static render(current, total, width = 30) {
    const ratio = total > 0 ? Math.max(0, Math.min(1, current / total)) : 0;
    const filled = Math.round(ratio * width);
    const pct = `${Math.round(ratio * 100)}%`.padStart(4);
    return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${pct} ${current}/${total}`;
  }
  /** Shows the bar at `current` of `total`. */
  update(current, total) {
    const line = _ProgressBar.render(current, total, this.width);
    if (line === this.shown) return;
    this.shown = line;
    this.stream.write(this.tty ? `\r\x1B[2K${line}` : `${line}
`);
  }
  /** Runs `print` with the bar out of the way, so a message never lands in the middle of it. */
  around(print) {
    if (!this.tty || this.shown === "") {
      print();
      return;
    }
    this.stream.write("\r\x1B[2K");
    print();
    this.stream.write(this.shown);
  }
  /** Removes the bar from a terminal (a log keeps its lines). */
  done() {
    if (this.tty && this.shown !== "") this.stream.write("\r\x1B[2K");
    this.shown = "";
  }
};

// src/cli/sse-parser.ts
var SseParser = class {
  buffer = "";
  event = "";
  data = [];
  id;
  /** Feeds a decoded chunk; returns the events it completed. */
  push(chunk) {
    this.buffer += chunk;
    const out = [];
    for (; ; ) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match || match[0] === "\r" && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const message = this.line(line);
      if (message) out.push(message);
    }
    return out;
  }
  line(line) {
    if (line === "") {
      if (this.data.length === 0 && this.event === "") return void 0;
      const message = { event: this.event || "message", data: this.data.join("\n"), id: this.id };
      this.event = "";
      this.data = [];
      this.id = void 0;
      return message;
    }
    if (line.startsWith(":")) return void 0;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.event = value;
    else if (field === "data") this.data.push(value);
    else if (field === "id") this.id = value;
    return void 0;
  }
};

// src/cli/run-cli.ts
import { HangarError as HangarError3 } from "@hangar/core";

// src/cli/cli-plugins.ts
async function collectPlugins(ctx, config) {
  const explicit = explicitPluginSources(
    (config?.plugins ?? []).map((entry) => entry.package),
    config?.dir ?? ctx.cwd,
    ctx.env,
    ctx.cwd
  );
  const discovered = config?.discover === false ? [] : await discoverInstalledPlugins(ctx.cwd);
  const result = await loadPlugins(dedupe([...explicit, ...discovered]));
  for (const { plugin } of result.loaded) if (plugin.messages) ctx.translator.register(plugin.messages);
  return result;
}
function reportFailures(ctx, failures) {
  for (const { source, error } of failures) {
    ctx.err(
      `hangar: ${ctx.t("hangar.cli.pluginFailed", { specifier: source.specifier, origin: source.origin, reason: error.message })}`
    );
  }
}
function mountCommands(plugins2, builtins) {
  const mounted = [];
  const hidden = [];
  const taken = /* @__PURE__ */ new Set();
  for (const { plugin } of plugins2) {
    for (const command of plugin.commands ?? []) {
      const key = command.path.join(" ");
      const first = command.path[0] ?? "";
      if (command.path.length === 0 || builtins.includes(first) || taken.has(key)) {
        hidden.push({ command, plugin: plugin.name });
        continue;
      }
      taken.add(key);
      mounted.push({ command, plugin: plugin.name });
    }
  }
  return { mounted, hidden };
}
function matchCommand(mounted, argv) {
  let best;
  for (const entry of mounted) {
    const path = entry.command.path;
    if (path.length > argv.length || !path.every((word, i) => argv[i] === word)) continue;
    if (!best || path.length > best.command.path.length) best = entry;
  }
  return best ? { match: best, args: argv.slice(best.command.path.length) } : void 0;
}

// src/cli/parse-command.ts
import { parseArgs } from "util";
var NEGATIVE_NUMBER = /^-\d/;
function joinNegativeValues(args, options) {
  const takesValue = /* @__PURE__ */ new Set();
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== "string") continue;
    takesValue.add(`--${name}`);
    if (option.short) takesValue.add(`-${option.short}`);
  }
  const out = [];
  for (let i = 0; i < args.length; i += 1) {
    const word = args[i];
    const next = args[i + 1];
    if (word === "--") {
      out.push(...args.slice(i));
      break;
    }
    if (takesValue.has(word) && next !== void 0 && NEGATIVE_NUMBER.test(next)) {
      out.push(word.startsWith("--") ? `${word}=${next}` : `${word}${next}`);
      i += 1;
    } else out.push(word);
  }
  return out;
}
function parseCommand(args, options) {
  try {
    return parseArgs({
      args: joinNegativeValues(args, options),
      options,
      allowPositionals: true,
      strict: true
    });
  } catch (error) {
    throw usageError("hangar.cli.usageError", { problem: error.message });
  }
}
function intFlag(flag, value, min = 0, max = Number.MAX_SAFE_INTEGER) {
  if (value === void 0) return void 0;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw usageError("hangar.cli.badNumber", { flag, value });
  }
  if (n < min) throw usageError("hangar.cli.numberTooSmall", { flag, value, min });
  if (n > max) throw usageError("hangar.cli.numberTooLarge", { flag, value, max });
  return n;
}
function jsonFlag(flag, value) {
  if (value === void 0) return void 0;
  try {
    return JSON.parse(value);
  } catch (error) {
    throw usageError("hangar.cli.badJson", { flag, reason: error.message });
  }
}

// src/cli/api-client.ts
var ApiClient = class {
  constructor(options) {
    this.options = options;
    this.base = options.baseUrl.replace(/\/+$/, "");
  }
  options;
  base;
  /** Sends a request and returns the parsed JSON body of a 2xx answer. */
  async request(method, path, init = {}) {
    const headers = { accept: "application/json" };
    if (init.body !== void 0) headers["content-type"] = "application/json";
    const res = await this.fetch(path, init.query, {
      method,
      headers,
      body: init.body === void 0 ? void 0 : JSON.stringify(init.body)
    });
    if (!res.ok) throw await this.errorOf(res);
    return await res.json();
  }
  /**
   * Reads a job's event stream, calling `onEvent` for each event, until the server closes it;
   * returns the last event id seen (to resume from).
   */
  async stream(path, lastEventId, onEvent, signal) {
    const headers = { accept: "text/event-stream" };
    if (lastEventId !== void 0) headers["last-event-id"] = lastEventId;
    const res = await this.fetch(path, void 0, { method: "GET", headers, signal });
    if (!res.ok || !res.body) throw await this.errorOf(res);
    const parser = new SseParser();
    const decoder = new TextDecoder();
    let last = lastEventId;
    for await (const chunk of res.body) {
      for (const message of parser.push(decoder.decode(chunk, { stream: true }))) {
        if (message.id !== void 0) last = message.id;
        onEvent(message);
      }
    }
    return last;
  }
  async fetch(path, query, init) {
    const url = new URL(this.base + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === void 0) continue;
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(v));
    }
    url.searchParams.set("lang", this.options.lang);
    if (this.options.customerId) url.searchParams.set("customerId", this.options.customerId);
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${this.options.token}`);
    headers.set("accept-language", this.options.lang);
    try {
      return await fetch(url, { ...init, headers });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      const cause = error.cause;
      const reason = String(cause?.code ?? cause?.message ?? error.message);
      throw new CliError(
        EXIT.UNAVAILABLE,
        "hangar.cli.unreachable",
        { url: this.base, reason },
        { code: "UNREACHABLE", cause: error }
      );
    }
  }
  async errorOf(res) {
    let body;
    try {
      body = await res.json();
    } catch {
      body = void 0;
    }
    const error = body?.error;
    if (!error || typeof error.code !== "string") {
      const exit = res.status === 502 || res.status === 503 || res.status === 504 ? EXIT.UNAVAILABLE : EXIT.SOFTWARE;
      return new CliError(
        exit,
        "hangar.cli.badResponse",
        { url: this.base, status: res.status },
        { code: "BAD_RESPONSE" }
      );
    }
    return new CliError(
      exitCodeForApiError(error.code, res.status),
      error.key ?? "hangar.cli.unexpected",
      error.params ?? {},
      {
        code: error.code,
        rendered: typeof error.message === "string" ? error.message : void 0,
        issues: Array.isArray(error.issues) ? error.issues : []
      }
    );
  }
};

// src/cli/remote-options.ts
var DEFAULT_SERVER_URL = "http://127.0.0.1:8080";
var REMOTE_OPTIONS = {
  server: { type: "string", short: "s" },
  token: { type: "string", short: "t" },
  lang: { type: "string" },
  customer: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" }
};
var REMOTE_HELP = [
  "  -s, --server URL    API base URL (env HANGAR_URL; default " + DEFAULT_SERVER_URL + ")",
  "  -t, --token TOKEN   Bearer token (env HANGAR_TOKEN)",
  "      --lang LANG     Language of the messages, e.g. fr (env HANGAR_LANG, LANG)",
  "      --customer ID   Admin tokens only: act for this customer",
  "      --json          Print JSON instead of text"
];
function remoteClient(ctx, values) {
  if (values.lang) ctx.lang = values.lang;
  const baseUrl = values.server ?? ctx.env.HANGAR_URL ?? DEFAULT_SERVER_URL;
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw usageError("hangar.cli.badUrl", { url: baseUrl });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw usageError("hangar.cli.badUrl", { url: baseUrl });
  const token = values.token ?? ctx.env.HANGAR_TOKEN;
  if (!token) throw usageError("hangar.cli.noToken");
  return new ApiClient({
    baseUrl,
    token,
    lang: ctx.lang,
    ...values.customer ? { customerId: values.customer } : {}
  });
}

// src/cli/commands/command.ts
function printHelp(command, ctx) {
  for (const line of command.help) ctx.out(line);
  return 0;
}

// src/cli/commands/cancel.ts
var cancelCommand = {
  name: "cancel",
  summary: "Cancel a job: a waiting one never runs, a running one is stopped",
  help: ["Usage: hangar cancel <id> [options]", "", ...REMOTE_HELP],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, REMOTE_OPTIONS);
    if (values.help) return printHelp(cancelCommand, ctx);
    const [id] = positionals;
    if (!id) throw usageError("hangar.cli.missingArgument", { name: "<id>", hint: "hangar cancel <job id>" });
    const api = remoteClient(ctx, values);
    const res = await api.request("POST", `/jobs/${encodeURIComponent(id)}/cancel`);
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t(`hangar.cli.cancelOutcome.${res.outcome}`, { jobId: res.id, state: res.job.state }));
    return EXIT.OK;
  }
};

// src/cli/follow-job.ts
import { isTerminalState } from "@hangar/core";
var MAX_RECONNECTS = 5;
async function followJob(api, jobId, handlers, signal) {
  let lastId;
  let final;
  let failures = 0;
  const path = `/jobs/${encodeURIComponent(jobId)}/events`;
  for (; ; ) {
    let progressed = false;
    try {
      lastId = await api.stream(
        path,
        lastId,
        (message) => {
          progressed = true;
          const data = JSON.parse(message.data);
          if (message.event === "progress" || message.event === "message")
            handlers.onEntry(data);
          else if (message.event === "state") {
            const { state, job } = data;
            handlers.onState?.(state, job);
            if (isTerminalState(state)) final = job;
          } else if (message.event === "error") {
            const { error } = data;
            throw new CliError(EXIT.FAILED, error.key, error.params, {
              code: error.code,
              rendered: error.message
            });
          }
        },
        signal
      );
      if (final) return final;
      failures = progressed ? 0 : failures + 1;
      if (failures > MAX_RECONNECTS) throw streamLost(jobId, "closed before the job ended");
    } catch (error) {
      if (signal?.aborted) throw error;
      if (error instanceof CliError && error.code !== "UNREACHABLE") throw error;
      if (final) return final;
      failures = progressed ? 1 : failures + 1;
      if (failures > MAX_RECONNECTS)
        throw error instanceof CliError ? error : streamLost(jobId, error.message);
    }
    await new Promise((resolve3) => setTimeout(resolve3, Math.min(4e3, 250 * 2 ** failures)));
    signal?.throwIfAborted();
  }
}
function streamLost(jobId, reason) {
  return new CliError(EXIT.UNAVAILABLE, "hangar.cli.streamLost", { jobId, reason }, { code: "STREAM_LOST" });
}

// src/cli/format.ts
import { itemOutcomesOf } from "@hangar/core";
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}
function formatLogEntry(entry) {
  const counts = entry.current !== void 0 && entry.total !== void 0 ? ` (${entry.current}/${entry.total})` : "";
  const tag = entry.level === "progress" ? "" : `${entry.level}: `;
  return `${tag}${entry.text}${counts}`;
}
function progressCell(job) {
  if (!job.progress) return "";
  return job.progress.percent !== void 0 ? `${job.progress.percent}%` : job.progress.text;
}
function formatJobTable(items) {
  return table(
    ["ID", "TYPE", "STATE", "PROGRESS", "CREATED"],
    items.map((j) => [j.id, j.type, j.state, progressCell(j), j.createdAt])
  );
}
function relativeTime(iso, now = Date.now()) {
  const ms2 = Date.parse(iso) - now;
  const abs = Math.abs(ms2);
  const units = [
    [864e5, "d"],
    [36e5, "h"],
    [6e4, "m"],
    [1e3, "s"]
  ];
  const [size, unit] = units.find(([u]) => abs >= u) ?? [1e3, "s"];
  const n = Math.round(abs / size);
  return ms2 >= 0 ? `in ${n}${unit}` : `${n}${unit} ago`;
}
function formatScheduleTable(items, now = Date.now()) {
  return table(
    ["NAME", "CRON", "TIMEZONE", "TYPE", "NEXT RUN", "LAST RUN"],
    items.map((s) => [
      s.name,
      s.cron,
      s.timezone,
      s.type,
      s.paused ? "paused" : s.nextRunAt ? `${s.nextRunAt} (${relativeTime(s.nextRunAt, now)})` : "-",
      s.lastRunAt ?? "-"
    ])
  );
}
function formatTriggerTable(items) {
  return table(
    ["NAME", "ON", "STATES", "CUSTOMER", "ENQUEUES", "STATUS", "LAST FIRED"],
    items.map((t) => {
      const metadata = Object.entries(t.on.metadata).map(([k, v]) => `${k}=${v}`);
      return [
        t.name,
        metadata.length > 0 ? `${t.on.type} (${metadata.join(", ")})` : t.on.type,
        t.on.states.join(","),
        t.on.customerId ?? "(all)",
        t.job.type,
        t.paused ? "paused" : "active",
        t.lastFiredAt ?? "-"
      ];
    })
  );
}
function formatJob(job) {
  const lines = [
    `${job.id}  ${job.type}  ${job.state}${job.cancelRequested && job.state === "Processing" ? " (cancelling)" : ""}`,
    `  queue: ${job.queue}  priority: ${job.priority}  attempts: ${job.attempts}/${job.maxAttempts}`,
    `  customer: ${job.customerId ?? "-"}  user: ${job.userId ?? "-"}`,
    `  created: ${job.createdAt}  run at: ${job.runAt}`
  ];
  if (job.startedAt)
    lines.push(`  started: ${job.startedAt}${job.finishedAt ? `  finished: ${job.finishedAt}` : ""}`);
  if (job.worker) lines.push(`  worker: ${job.worker.id}`);
  if (job.progress) {
    const counts = job.progress.total !== void 0 ? ` (${job.progress.current ?? 0}/${job.progress.total})` : "";
    lines.push(`  progress: ${job.progress.text}${counts}`);
  }
  if (job.messages?.length) lines.push("Messages:", ...job.messages.map((m) => `  ${formatLogEntry(m)}`));
  if (job.warnings.length) lines.push("Warnings:", ...job.warnings.map((w) => `  ${w.text}`));
  if (job.errors.length)
    lines.push(
      "Errors:",
      ...job.errors.map(
        (e) => `  ${e.severity === "error" ? "" : `${e.severity} `}${e.code}: ${e.text}${e.source ? ` [${e.source}]` : ""}`
      )
    );
  const outcomes = itemOutcomesOf(job.result);
  if (outcomes !== void 0) {
    const rows = outcomes.map((o) => [o.item, o.outcome, o.detail ?? ""]);
    lines.push("Outcomes:", ...table(["ITEM", "OUTCOME", "DETAIL"], rows).map((l) => `  ${l}`));
  }
  if (job.result !== null && job.result !== void 0) {
    lines.push(
      "Result:",
      ...JSON.stringify(job.result, null, 2).split("\n").map((l) => `  ${l}`)
    );
  }
  if (job.outputFiles.length) {
    lines.push(
      "Files:",
      ...job.outputFiles.map((f) => `  ${f.name}  ${f.size} bytes  ${f.mediaType}  ${f.url}`)
    );
  }
  return lines;
}

// src/cli/commands/enqueue.ts
var OPTIONS = {
  ...REMOTE_OPTIONS,
  params: { type: "string", short: "p" },
  wait: { type: "boolean", short: "w" },
  delay: { type: "string" },
  priority: { type: "string" },
  queue: { type: "string", short: "q" },
  "idempotency-key": { type: "string" }
};
function exitCodeOfState(state) {
  return state === "Succeeded" ? EXIT.OK : state === "Cancelled" ? EXIT.CANCELLED : EXIT.FAILED;
}
var enqueueCommand = {
  name: "enqueue",
  summary: "Enqueue a job on a running server; --wait follows it to the end",
  help: [
    "Usage: hangar enqueue <type> [--params '<json>'] [--wait] [options]",
    "",
    "Prints the job id. With --wait, shows a progress bar on stderr, prints the progress",
    "messages as they come, and exits 0 when the job Succeeded, 1 Failed, 2 Cancelled.",
    "",
    "  -p, --params JSON          Parameters of the job type (default {})",
    "  -w, --wait                 Follow the job until it ends",
    "      --delay MS             Run no earlier than MS milliseconds from now",
    "      --priority N           Lower runs first (default 0)",
    "  -q, --queue NAME           Queue (default: the job type\u2019s)",
    "      --idempotency-key KEY  Enqueuing twice with the same key gives one job",
    ...REMOTE_HELP
  ],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, OPTIONS);
    if (values.help) return printHelp(enqueueCommand, ctx);
    const [type, ...extra] = positionals;
    if (!type)
      throw usageError("hangar.cli.missingArgument", {
        name: "<type>",
        hint: `hangar enqueue math.add --params '{"a":1}'`
      });
    if (extra.length > 0)
      throw usageError("hangar.cli.usageError", {
        problem: `Unexpected argument "${extra[0]}"; put the parameters in --params`
      });
    const params = jsonFlag("--params", values.params) ?? {};
    const options = {
      delayMs: intFlag("--delay", values.delay, 0),
      priority: intFlag("--priority", values.priority, Number.MIN_SAFE_INTEGER),
      queue: values.queue,
      idempotencyKey: values["idempotency-key"]
    };
    const api = remoteClient(ctx, values);
    const created = await api.request("POST", "/jobs", { body: { type, params, options } });
    if (!values.wait) {
      if (values.json) ctx.out(JSON.stringify(created, null, 2));
      else ctx.out(created.id);
      return EXIT.OK;
    }
    if (!values.json) ctx.out(ctx.t("hangar.cli.enqueued", { jobId: created.id, type }));
    return waitForJob(ctx, api, created.id, values.json === true);
  }
};
async function waitForJob(ctx, api, jobId, json) {
  const bar = new ProgressBar(ctx.stderr);
  let job;
  try {
    job = await followJob(
      api,
      jobId,
      {
        onEntry(entry) {
          if (entry.level === "progress" && entry.current !== void 0 && entry.total !== void 0) {
            bar.update(entry.current, entry.total);
          }
          if (!json) bar.around(() => ctx.out(formatLogEntry(entry)));
        }
      },
      ctx.signal
    );
  } catch (error) {
    bar.done();
    if (ctx.signal?.aborted) {
      ctx.err(ctx.t("hangar.cli.stoppedWaiting", { jobId }));
      return EXIT.INTERRUPTED;
    }
    throw error;
  }
  bar.done();
  if (json) {
    ctx.out(JSON.stringify(job, null, 2));
    return exitCodeOfState(job.state);
  }
  if (job.state === "Succeeded") {
    ctx.out(ctx.t("hangar.cli.succeeded", { jobId }));
    if (job.result !== null && job.result !== void 0) ctx.out(JSON.stringify(job.result, null, 2));
    for (const file of job.outputFiles) ctx.out(`${file.name}  ${file.url}`);
  } else if (job.state === "Cancelled") {
    ctx.err(ctx.t("hangar.cli.cancelledJob", { jobId }));
  } else {
    ctx.err(ctx.t("hangar.cli.failed", { jobId }));
    for (const e of job.errors) ctx.err(`  ${e.code}: ${e.text}`);
  }
  return exitCodeOfState(job.state);
}

// src/cli/commands/subcommand-group.ts
function subcommandGroup(name, summary, subcommands, fallback) {
  const usage = (sub) => `hangar ${name} ${sub.name} ${sub.args.join(" ")}`.trimEnd();
  const help = [
    ...fallback ? [`${fallback.help[0] ?? ""}    ${fallback.summary}`] : [],
    ...subcommands.map((sub) => `Usage: ${usage(sub)} [options]    ${sub.summary}`),
    "",
    `Run "hangar ${name} <subcommand> --help" for its flags. Shared flags:`,
    ...REMOTE_HELP
  ];
  const group = {
    name,
    summary,
    help,
    async run(argv, ctx) {
      const [word, ...rest] = argv;
      const sub = subcommands.find((s) => s.name === word);
      if (!sub) {
        if (word === "--help" || word === "-h" || word === "help") {
          for (const line of help) ctx.out(line);
          return 0;
        }
        if (fallback) return fallback.run(argv, ctx);
        if (word === void 0) {
          for (const line of help) ctx.err(line);
          return 64;
        }
        throw usageError("hangar.cli.usageError", {
          problem: `Unknown subcommand "${word}"; use one of: ${subcommands.map((s) => s.name).join(", ")}`
        });
      }
      const { values, positionals } = parseCommand(rest, { ...REMOTE_OPTIONS, ...sub.options ?? {} });
      if (values.help) {
        ctx.out(`Usage: ${usage(sub)} [options]`);
        ctx.out("");
        ctx.out(sub.summary);
        for (const line of [...sub.optionHelp ?? [], ...REMOTE_HELP]) ctx.out(line);
        return 0;
      }
      const missing = sub.args[positionals.length];
      if (missing !== void 0)
        throw usageError("hangar.cli.missingArgument", { name: missing, hint: usage(sub) });
      if (positionals.length > sub.args.length) {
        throw usageError("hangar.cli.usageError", {
          problem: `Unexpected argument "${positionals[sub.args.length]}"`
        });
      }
      const api = remoteClient(ctx, values);
      return sub.run(positionals, values, api, ctx);
    }
  };
  return group;
}

// src/cli/commands/jobs.ts
var jobPath = (id) => `/jobs/${encodeURIComponent(id)}`;
var retry = {
  name: "retry",
  summary: "Run a Failed or Cancelled job again (same id, fresh attempts, its log kept)",
  args: ["<id>"],
  async run([id = ""], values, api, ctx) {
    const res = await api.request("POST", `${jobPath(id)}/retry`);
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else
      ctx.out(
        ctx.t("hangar.cli.jobRetried", {
          jobId: res.id,
          state: res.job.state,
          maxAttempts: res.job.maxAttempts
        })
      );
    return EXIT.OK;
  }
};
var remove = {
  name: "delete",
  summary: "Delete a finished job with its log",
  args: ["<id>"],
  async run([id = ""], values, api, ctx) {
    const res = await api.request("DELETE", jobPath(id));
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t("hangar.cli.jobDeleted", { jobId: res.id }));
    return EXIT.OK;
  }
};
var jobsCommand = subcommandGroup("jobs", "Retry or delete a job by hand", [retry, remove]);

// src/cli/commands/list.ts
var OPTIONS2 = {
  ...REMOTE_OPTIONS,
  state: { type: "string", multiple: true },
  type: { type: "string", multiple: true },
  queue: { type: "string", short: "q" },
  limit: { type: "string", short: "n" },
  cursor: { type: "string" }
};
var listCommand = {
  name: "list",
  summary: "List your jobs, newest first, filtered by state, type or queue",
  help: [
    "Usage: hangar list [--state STATE]... [--type TYPE]... [--queue NAME] [--limit N] [--cursor C] [options]",
    "",
    "      --state STATE   Scheduled, Awaiting, Enqueued, Processing, Succeeded, Failed or Cancelled",
    "                      (repeat it or separate with commas)",
    "      --type TYPE     Only this job type (repeatable)",
    "  -q, --queue NAME    Only this queue",
    "  -n, --limit N       Page size (server default 50)",
    "      --cursor C      The page after the one that printed this cursor",
    ...REMOTE_HELP
  ],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, OPTIONS2);
    if (values.help) return printHelp(listCommand, ctx);
    if (positionals.length > 0) {
      throw usageError("hangar.cli.usageError", {
        problem: `Unexpected argument "${positionals[0]}"; filter with --state or --type`
      });
    }
    const api = remoteClient(ctx, values);
    const page = await api.request("GET", "/jobs", {
      query: {
        state: values.state,
        type: values.type,
        queue: values.queue,
        limit: intFlag("--limit", values.limit, 1),
        cursor: values.cursor
      }
    });
    if (values.json) {
      ctx.out(JSON.stringify(page, null, 2));
      return EXIT.OK;
    }
    if (page.items.length === 0) ctx.out(ctx.t("hangar.cli.noJobs"));
    else for (const line of formatJobTable(page.items)) ctx.out(line);
    if (page.nextCursor) ctx.err(ctx.t("hangar.cli.morePages", { cursor: page.nextCursor }));
    return EXIT.OK;
  }
};

// src/cli/commands/schedules.ts
var schedulesCommand = {
  name: "schedules",
  summary: "List the recurring schedules with their next run",
  help: ["Usage: hangar schedules [options]", "", ...REMOTE_HELP],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, REMOTE_OPTIONS);
    if (values.help) return printHelp(schedulesCommand, ctx);
    if (positionals.length > 0)
      throw usageError("hangar.cli.usageError", { problem: `Unexpected argument "${positionals[0]}"` });
    const api = remoteClient(ctx, values);
    const { items } = await api.request("GET", "/schedules");
    if (values.json) ctx.out(JSON.stringify(items, null, 2));
    else if (items.length === 0) ctx.out(ctx.t("hangar.cli.noSchedules"));
    else for (const line of formatScheduleTable(items)) ctx.out(line);
    return EXIT.OK;
  }
};

// src/cli/commands/schedule-changes.ts
var schedulePath = (name) => `/schedules/${encodeURIComponent(name)}`;
var text = (values, flag) => {
  const value = values[flag];
  return typeof value === "string" ? value : void 0;
};
var create = {
  name: "create",
  summary: "Create or replace a recurring schedule of your customer",
  args: ["<name>"],
  options: {
    cron: { type: "string" },
    type: { type: "string" },
    params: { type: "string", short: "p" },
    timezone: { type: "string" },
    queue: { type: "string" },
    priority: { type: "string" },
    paused: { type: "boolean" },
    system: { type: "boolean" }
  },
  optionHelp: [
    '      --cron EXPR     Cron expression, 5 fields or 6 with seconds (required), e.g. "0 2 * * *"',
    "      --type TYPE     Job type of each run (required)",
    "  -p, --params JSON   Its parameters; default {}",
    "      --timezone TZ   IANA time zone of the cron; default UTC",
    "      --queue Q       Queue of each job",
    "      --priority N    Priority of each job (lower runs first)",
    "      --paused        Create it paused",
    "      --system        Admins only: a schedule of no customer"
  ],
  async run([name = ""], values, api, ctx) {
    const cron = text(values, "cron");
    const type = text(values, "type");
    if (!cron)
      throw usageError("hangar.cli.missingArgument", { name: "--cron", hint: 'e.g. --cron "0 2 * * *"' });
    if (!type)
      throw usageError("hangar.cli.missingArgument", {
        name: "--type",
        hint: "a job type, e.g. --type conso.integration"
      });
    const priority = intFlag("--priority", text(values, "priority"), -1e6);
    const queue = text(values, "queue");
    const body = {
      cron,
      type,
      params: jsonFlag("--params", text(values, "params")),
      timezone: text(values, "timezone"),
      options: queue !== void 0 || priority !== void 0 ? { queue, priority } : void 0,
      paused: values.paused === true ? true : void 0,
      system: values.system === true ? true : void 0
    };
    const res = await api.request("PUT", schedulePath(name), { body });
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else
      ctx.out(
        ctx.t(
          res.created ? "hangar.cli.scheduleCreated" : "hangar.cli.scheduleReplaced",
          nextRun(res.schedule)
        )
      );
    return EXIT.OK;
  }
};
function nextRun(schedule) {
  return { name: schedule.name, next: schedule.nextRunAt ?? "-" };
}
function toggle(action) {
  return {
    name: action,
    summary: action === "pause" ? "Stop a schedule from firing" : "Fire a paused schedule again from its next cron time",
    args: ["<name>"],
    async run([name = ""], values, api, ctx) {
      const res = await api.request("POST", `${schedulePath(name)}/${action}`);
      if (values.json) ctx.out(JSON.stringify(res, null, 2));
      else
        ctx.out(
          ctx.t(
            action === "pause" ? "hangar.cli.schedulePaused" : "hangar.cli.scheduleResumed",
            nextRun(res)
          )
        );
      return EXIT.OK;
    }
  };
}
var trigger = {
  name: "trigger",
  summary: "Enqueue one job of a schedule now; prints the job id",
  args: ["<name>"],
  async run([name = ""], values, api, ctx) {
    const res = await api.request("POST", `${schedulePath(name)}/trigger`);
    ctx.out(values.json ? JSON.stringify(res, null, 2) : res.jobId);
    return EXIT.OK;
  }
};
var remove2 = {
  name: "delete",
  summary: "Delete a schedule (the jobs it enqueued stay)",
  args: ["<name>"],
  async run([name = ""], values, api, ctx) {
    const res = await api.request("DELETE", schedulePath(name));
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t("hangar.cli.scheduleDeleted", { name: res.name }));
    return EXIT.OK;
  }
};
var scheduleCommands = subcommandGroup(
  "schedules",
  "List recurring schedules, or create, pause, resume, trigger or delete one",
  [create, toggle("pause"), toggle("resume"), trigger, remove2],
  schedulesCommand
);

// src/cli/commands/serve.ts
import { ConfigurationError as ConfigurationError2, HangarError as HangarError2 } from "@hangar/core";

// src/cli/plugin-settings-host.ts
import {
  ConfigurationError
} from "@hangar/core";
function checkPluginSettings(entries, loaded) {
  const settled = [];
  entries.forEach((entry, index) => {
    if (entry.settings === void 0) return;
    const found = loaded.find((l) => l.source.origin === "config" && l.source.specifier === entry.package);
    if (!found) return;
    const { plugin } = found;
    const at = `plugins.${index}.settings`;
    if (!plugin.settings) throw new ConfigurationError(at, `${plugin.name} takes no settings; remove them`);
    const parsed = plugin.settings.schema.safeParse(entry.settings);
    if (!parsed.success) {
      const [first, ...more] = parsed.error.issues;
      const where = (path) => [at, ...path.map(String)].join(".");
      const problem = [first, ...more].map((issue, i) => i === 0 ? issue?.message : `${where(issue?.path ?? [])}: ${issue?.message}`).join("; ");
      throw new ConfigurationError(where(first?.path ?? []), problem);
    }
    settled.push({ plugin, settings: parsed.data });
  });
  return settled;
}
function pluginsWithoutSettings(loaded, settled) {
  return loaded.map((l) => l.plugin).filter((p) => p.settings && !settled.some((s) => s.plugin === p));
}
async function buildPluginServices(settled, baseDir) {
  const sharedValues = /* @__PURE__ */ new Map();
  const disposers = [];
  const context = {
    baseDir,
    shared(key, create3) {
      let value = sharedValues.get(key);
      if (value === void 0) {
        value = create3().then((resource) => {
          if (resource.dispose) disposers.push(() => resource.dispose());
          return resource.value;
        });
        sharedValues.set(key, value);
      }
      return value;
    }
  };
  const dispose = async () => {
    for (const release of disposers.splice(0).reverse()) await release().catch(() => {
    });
  };
  const services = [];
  for (const { plugin, settings } of settled) {
    try {
      const built = await plugin.settings.build(settings, context);
      services.push(...built.services);
      if (built.dispose) disposers.push(() => built.dispose());
    } catch (error) {
      await dispose();
      throw configError(
        "hangar.cli.pluginServicesFailed",
        { plugin: plugin.name, reason: error instanceof Error ? error.message : String(error) },
        error
      );
    }
  }
  return { services, dispose };
}

// src/cli/queue-factory.ts
async function loadAdapter(kind, driver, load) {
  try {
    return await load();
  } catch (error) {
    throw configError("hangar.cli.adapterMissing", { kind, driver, reason: error.message }, error);
  }
}
async function createQueue(queue) {
  switch (queue.kind) {
    case "memory":
      return new MemoryQueue();
    case "postgres": {
      const { PostgresQueue } = await loadAdapter("postgres", "pg", () => import("./postgres/index.js"));
      return new PostgresQueue({
        connectionString: queue.url,
        ...queue.schema ? { schema: queue.schema } : {}
      });
    }
    case "redis": {
      const { RedisQueue } = await loadAdapter("redis", "ioredis", () => import("./redis/index.js"));
      return new RedisQueue({ connection: queue.url, ...queue.prefix ? { prefix: queue.prefix } : {} });
    }
  }
}

// src/cli/commands/serve.ts
var OPTIONS3 = {
  config: { type: "string", short: "c" },
  port: { type: "string", short: "p" },
  host: { type: "string" },
  help: { type: "boolean", short: "h" }
};
function untilStopped(signal) {
  return new Promise((resolve3) => {
    if (signal) {
      if (signal.aborted) resolve3();
      else signal.addEventListener("abort", () => resolve3(), { once: true });
      return;
    }
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve3();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
function inConfigEntry(entry, error) {
  if (!(error instanceof HangarError2)) return error;
  if (error instanceof ConfigurationError2) {
    return new ConfigurationError2(`${entry}.${String(error.params.option)}`, String(error.params.problem));
  }
  return new ConfigurationError2(entry, error.message);
}
var serveCommand = {
  name: "serve",
  summary: "Run a runner and the HTTP API from a config file",
  help: [
    "Usage: hangar serve [--config FILE] [--port N] [--host HOST]",
    "",
    "Starts a runner with the configured queue and plugins, and the HTTP API. Stops",
    "gracefully on SIGTERM or Ctrl-C: running jobs get the runner\u2019s grace period.",
    "",
    "  -c, --config FILE   Config file (env HANGAR_CONFIG; default hangar.config.json)",
    "  -p, --port N        Port, instead of http.port (0 picks a free one)",
    "      --host HOST     Interface, instead of http.host",
    "",
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
    "The log goes to stderr: JSON lines, pretty on a terminal when pino-pretty is installed;",
    "HANGAR_LOG_LEVEL overrides log.level."
  ],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, OPTIONS3);
    if (values.help) return printHelp(serveCommand, ctx);
    if (positionals.length > 0)
      throw usageError("hangar.cli.usageError", { problem: `Unexpected argument "${positionals[0]}"` });
    const portFlag = intFlag("--port", values.port, 0, 65535);
    const path = configPath(ctx.cwd, ctx.env, values.config);
    const config = await loadConfig(path, ctx.env, true);
    if (!config.http)
      throw configError("hangar.cli.configInvalid", {
        path,
        problem: 'http: add { "tokens": [...] } to serve the API'
      });
    const port = portFlag ?? config.http.port;
    const host = values.host ?? config.http.host;
    const plugins2 = await collectPlugins(ctx, config);
    const explicitFailure = plugins2.failures.find((f) => f.source.origin !== "node_modules");
    if (explicitFailure) {
      const { source, error } = explicitFailure;
      throw configError("hangar.cli.pluginFailed", {
        specifier: source.specifier,
        origin: source.origin,
        reason: error.message
      });
    }
    reportFailures(ctx, plugins2.failures);
    const { logger, flush } = await createServeLogger(
      ctx.stderr,
      logLevelOf(ctx.env, config.log.level),
      config.log.format
    );
    const invalid = (error) => error instanceof ConfigurationError2 ? configError("hangar.cli.configInvalid", { path, problem: error.message }, error) : error;
    let settled;
    try {
      settled = checkPluginSettings(config.plugins, plugins2.loaded);
    } catch (error) {
      throw invalid(error);
    }
    for (const plugin of pluginsWithoutSettings(plugins2.loaded, settled))
      logger.warn(ctx.t("hangar.cli.pluginNeedsSettings", { plugin: plugin.name }));
    const pluginServices = await buildPluginServices(settled, config.dir);
    let queue;
    let runner;
    let app;
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
        plugins: plugins2.loaded.map((p) => p.plugin),
        services: pluginServices.services,
        logger
      });
      app = createHttpServer({
        client: runner.client,
        auth: { tokens: config.http.tokens },
        filesRoot: config.http.filesRoot,
        dashboard: config.http.dashboard,
        metrics: config.http.metrics,
        fastify: { loggerInstance: logger }
      });
      await runner.start();
      for (const schedule of config.schedules) await runner.client.schedules.upsert(schedule);
      for (const [i, trigger2] of config.triggers.entries()) {
        await runner.client.triggers.upsert(trigger2).catch((error) => {
          throw inConfigEntry(`triggers[${i}]`, error);
        });
      }
      try {
        await app.listen({ port, host });
      } catch (error) {
        throw new CliError(EXIT.UNAVAILABLE, "hangar.cli.listenFailed", {
          host,
          port,
          reason: error.message
        });
      }
    } catch (error) {
      await shutdown().catch(() => {
      });
      await flush();
      throw invalid(error);
    }
    const address = app.server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    const shownHost = host.includes(":") ? `[${host}]` : host;
    const url = `http://${shownHost}:${actualPort}`;
    ctx.out(ctx.t("hangar.cli.listening", { url, count: runner.registry.types().length }));
    logger.info({ url, jobTypes: runner.registry.types().length }, "Listening");
    await untilStopped(ctx.signal);
    logger.info(ctx.t("hangar.cli.stopping"));
    await shutdown();
    logger.info(ctx.t("hangar.cli.stopped"));
    await flush();
    return EXIT.OK;
  }
};

// src/cli/commands/status.ts
var statusCommand = {
  name: "status",
  summary: "Show a job: state, progress, messages, errors, result and files",
  help: ["Usage: hangar status <id> [options]", "", ...REMOTE_HELP],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, REMOTE_OPTIONS);
    if (values.help) return printHelp(statusCommand, ctx);
    const [id] = positionals;
    if (!id) throw usageError("hangar.cli.missingArgument", { name: "<id>", hint: "hangar status <job id>" });
    const api = remoteClient(ctx, values);
    const job = await api.request("GET", `/jobs/${encodeURIComponent(id)}`);
    if (values.json) ctx.out(JSON.stringify(job, null, 2));
    else for (const line of formatJob(job)) ctx.out(line);
    return EXIT.OK;
  }
};

// src/cli/commands/trigger-commands.ts
var triggerPath = (name) => `/triggers/${encodeURIComponent(name)}`;
var text2 = (values, flag) => {
  const value = values[flag];
  return typeof value === "string" ? value : void 0;
};
var listTriggers = {
  name: "triggers",
  summary: "List the event triggers",
  help: ["Usage: hangar triggers [options]", "", ...REMOTE_HELP],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, REMOTE_OPTIONS);
    if (values.help) return printHelp(listTriggers, ctx);
    if (positionals.length > 0)
      throw usageError("hangar.cli.usageError", { problem: `Unexpected argument "${positionals[0]}"` });
    const api = remoteClient(ctx, values);
    const { items } = await api.request("GET", "/triggers");
    if (values.json) ctx.out(JSON.stringify(items, null, 2));
    else if (items.length === 0) ctx.out(ctx.t("hangar.cli.noTriggers"));
    else for (const line of formatTriggerTable(items)) ctx.out(line);
    return EXIT.OK;
  }
};
function metadataOf(values) {
  const given = values.meta;
  const pairs = Array.isArray(given) ? given : typeof given === "string" ? [given] : [];
  if (pairs.length === 0) return void 0;
  const metadata = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) {
      throw usageError("hangar.cli.usageError", {
        problem: `--meta "${pair}" is not KEY=VALUE, e.g. --meta workflow=month-end`
      });
    }
    metadata[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return metadata;
}
var create2 = {
  name: "create",
  summary: "Create or replace an event trigger on your customer\u2019s jobs",
  args: ["<name>"],
  options: {
    on: { type: "string" },
    states: { type: "string" },
    meta: { type: "string", multiple: true },
    type: { type: "string" },
    params: { type: "string", short: "p" },
    queue: { type: "string" },
    priority: { type: "string" },
    paused: { type: "boolean" },
    system: { type: "boolean" }
  },
  optionHelp: [
    "      --on TYPE        Job type whose ends fire it (required), e.g. conso.workflow",
    "      --states LIST    End states that fire it, comma-separated: Succeeded, Failed, Cancelled;",
    "                       default Succeeded",
    "      --meta K=V       Only jobs whose metadata has this value (repeatable), e.g. workflow=month-end",
    "      --type TYPE      Job type to enqueue (required)",
    "  -p, --params JSON    Its parameters; default {}",
    "      --queue Q        Queue of each job",
    "      --priority N     Priority of each job (lower runs first)",
    "      --paused         Create it paused",
    "      --system         Admins only: fire on every customer\u2019s jobs (each job runs as the ended job\u2019s customer)"
  ],
  async run([name = ""], values, api, ctx) {
    const on = text2(values, "on");
    const type = text2(values, "type");
    if (!on)
      throw usageError("hangar.cli.missingArgument", { name: "--on", hint: "e.g. --on conso.workflow" });
    if (!type)
      throw usageError("hangar.cli.missingArgument", { name: "--type", hint: "the job type to enqueue" });
    const states = (text2(values, "states") ?? "Succeeded").split(",").map((s) => s.trim()).filter((s) => s !== "");
    const metadata = metadataOf(values);
    const body = {
      on: { type: on, states, ...metadata ? { metadata } : {} },
      job: {
        type,
        params: jsonFlag("--params", text2(values, "params")),
        queue: text2(values, "queue"),
        priority: intFlag("--priority", text2(values, "priority"), -1e6)
      },
      paused: values.paused === true ? true : void 0,
      system: values.system === true ? true : void 0
    };
    const res = await api.request("PUT", triggerPath(name), { body });
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t(res.created ? "hangar.cli.triggerCreated" : "hangar.cli.triggerReplaced", { name }));
    return EXIT.OK;
  }
};
function toggle2(action) {
  return {
    name: action,
    summary: action === "pause" ? "Stop a trigger from firing" : "Fire a paused trigger again on jobs that end from now on (ends while paused are not replayed)",
    args: ["<name>"],
    async run([name = ""], values, api, ctx) {
      const res = await api.request("POST", `${triggerPath(name)}/${action}`);
      if (values.json) ctx.out(JSON.stringify(res, null, 2));
      else
        ctx.out(
          ctx.t(action === "pause" ? "hangar.cli.triggerPaused" : "hangar.cli.triggerResumed", {
            name: res.name
          })
        );
      return EXIT.OK;
    }
  };
}
var remove3 = {
  name: "delete",
  summary: "Delete a trigger (the jobs it enqueued stay)",
  args: ["<name>"],
  async run([name = ""], values, api, ctx) {
    const res = await api.request("DELETE", triggerPath(name));
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t("hangar.cli.triggerDeleted", { name: res.name }));
    return EXIT.OK;
  }
};
var triggerCommands = subcommandGroup(
  "triggers",
  "List event triggers (jobs enqueued when other jobs end), or create, pause, resume or delete one",
  [create2, toggle2("pause"), toggle2("resume"), remove3],
  listTriggers
);

// src/cli/commands/workflows.ts
var workflowPath = (id) => `/workflows/${encodeURIComponent(id)}`;
function printWorkflow(view, ctx) {
  ctx.out(
    ctx.t("hangar.cli.workflow", {
      name: view.name,
      id: view.id,
      state: view.state,
      done: view.done,
      total: view.total
    })
  );
  for (const step of view.steps) {
    const detail = step.errors[0]?.text ?? step.progress?.text ?? "";
    ctx.out(
      `  ${step.id}  ${step.state}${step.jobId ? `  ${step.jobId}` : ""}${detail ? `  ${detail}` : ""}`
    );
  }
}
var show = {
  name: "show",
  summary: "A workflow: its state, each step with its state and latest progress",
  args: ["<id>"],
  async run([id = ""], values, api, ctx) {
    const view = await api.request("GET", workflowPath(id));
    if (values.json) ctx.out(JSON.stringify(view, null, 2));
    else printWorkflow(view, ctx);
    return EXIT.OK;
  }
};
var cancel = {
  name: "cancel",
  summary: "Cancel a workflow and its steps still waiting or running",
  args: ["<id>"],
  async run([id = ""], values, api, ctx) {
    const res = await api.request(
      "POST",
      `${workflowPath(id)}/cancel`
    );
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else
      ctx.out(ctx.t("hangar.cli.workflowCancelled", { id: res.id, outcome: res.outcome, steps: res.steps }));
    return EXIT.OK;
  }
};
var retryStep = {
  name: "retry-step",
  summary: "Run a Failed or Cancelled step of an ended workflow again, without rerunning the steps that succeeded",
  args: ["<id>", "<step>"],
  async run([id = "", step = ""], values, api, ctx) {
    const view = await api.request(
      "POST",
      `${workflowPath(id)}/steps/${encodeURIComponent(step)}/retry`
    );
    if (values.json) ctx.out(JSON.stringify(view, null, 2));
    else printWorkflow(view, ctx);
    return EXIT.OK;
  }
};
var workflowsCommand = subcommandGroup("workflows", "Read, cancel or retry a step of a workflow", [
  show,
  cancel,
  retryStep
]);

// src/cli/embedded-host.ts
var embeddedCliHost = {
  async startEmbedded(options) {
    const runner = createRunner({
      queue: new MemoryQueue(),
      plugins: options.plugins,
      services: options.services ?? [],
      retention: false
    });
    await runner.start();
    return {
      async run(type, params, runOptions = {}) {
        const { id } = await runner.client.enqueue(type, params, runOptions);
        return runner.client.waitFor(id);
      },
      async messages(jobId, lang = "en") {
        const log = await runner.client.getLog(jobId);
        return log.map((entry) => runner.registry.translator.render(entry.message, lang));
      },
      stop: () => runner.stop()
    };
  }
};

// src/cli/runner-version.ts
import { readFileSync } from "fs";
import { dirname as dirname3, join as join2 } from "path";
import { fileURLToPath } from "url";
var PACKAGE_NAME = "@hangar/runner";
function runnerVersion() {
  for (let dir = dirname3(fileURLToPath(import.meta.url)); ; dir = dirname3(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join2(dir, "package.json"), "utf8"));
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === "string") return pkg.version;
    } catch {
    }
    if (dirname3(dir) === dir) return "unknown";
  }
}

// src/cli/run-cli.ts
var BUILTIN_COMMANDS = [
  serveCommand,
  enqueueCommand,
  statusCommand,
  cancelCommand,
  listCommand,
  jobsCommand,
  workflowsCommand,
  scheduleCommands,
  triggerCommands
];
var HELP_WORDS = /* @__PURE__ */ new Set(["--help", "-h", "help"]);
var VERSION_WORDS = /* @__PURE__ */ new Set(["--version", "-V", "version"]);
function usageLines(mounted, hidden) {
  const rows = BUILTIN_COMMANDS.map((c) => [c.name, c.summary]);
  const pluginRows = mounted.map(
    (m) => [m.command.path.join(" "), `${m.command.summary}  [${m.plugin}]`]
  );
  const width = Math.max(...[...rows, ...pluginRows].map(([name]) => name.length)) + 2;
  const lines = ["Usage: hangar <command> [options]", "       hangar --version", "", "Commands:"];
  for (const [name, summary] of rows) lines.push(`  ${name.padEnd(width)}${summary}`);
  if (pluginRows.length > 0) {
    lines.push("", "Plugin commands:");
    for (const [name, summary] of pluginRows) lines.push(`  ${name.padEnd(width)}${summary}`);
  }
  for (const h of hidden)
    lines.push(`  (not mounted: "${h.command.path.join(" ")}" of ${h.plugin} clashes with another command)`);
  lines.push(
    "",
    'Run "hangar <command> --help" for its options. Commands that talk to a server use --server',
    `and --token, or HANGAR_URL and HANGAR_TOKEN. Plugins come from the config file's "plugins",`,
    "HANGAR_PLUGINS (comma-separated) and every installed @hangar/jobs-* package.",
    "",
    "Exit codes: 0 done (job Succeeded), 1 job Failed or not found, 2 job Cancelled, 64 bad command",
    "line, 65 input refused by the server, 69 server unreachable, 70 internal error, 77 token refused,",
    "78 config, plugin or adapter problem, 130 interrupted."
  );
  return lines;
}
async function plugins(ctx) {
  const config = await loadConfig(configPath(ctx.cwd, ctx.env), ctx.env, false);
  return collectPlugins(ctx, config);
}
async function runPluginCommand(ctx, entry, args) {
  const { command } = entry;
  if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
    ctx.out(`Usage: ${command.usage}`);
    ctx.out("");
    ctx.out(command.summary);
    return EXIT.OK;
  }
  try {
    return await command.run(args, { stdout: ctx.stdout, stderr: ctx.stderr, host: embeddedCliHost });
  } catch (error) {
    const reason = HangarError3.isInstance(error) ? ctx.t(error.key, error.params) : error instanceof Error ? error.message : String(error);
    ctx.err(`hangar: ${ctx.t("hangar.cli.commandFailed", { command: command.path.join(" "), reason })}`);
    return EXIT.SOFTWARE;
  }
}
async function runCli(argv, io) {
  const ctx = new CliContext(io);
  try {
    const [first, ...rest] = argv;
    const builtinNames = BUILTIN_COMMANDS.map((c) => c.name);
    if (first !== void 0 && VERSION_WORDS.has(first)) {
      ctx.out(ctx.t("hangar.cli.version", { version: runnerVersion() }));
      return EXIT.OK;
    }
    if (first === void 0 || HELP_WORDS.has(first)) {
      const topic = first === "help" ? BUILTIN_COMMANDS.find((c) => c.name === rest[0]) : void 0;
      if (topic) return await topic.run(["--help"], ctx);
      const loaded2 = await plugins(ctx);
      reportFailures(ctx, loaded2.failures);
      const { mounted: mounted2, hidden: hidden2 } = mountCommands(loaded2.loaded, builtinNames);
      const print = first === void 0 ? (l) => ctx.err(l) : (l) => ctx.out(l);
      for (const line of usageLines(mounted2, hidden2)) print(line);
      return first === void 0 ? EXIT.USAGE : EXIT.OK;
    }
    const builtin = BUILTIN_COMMANDS.find((c) => c.name === first);
    if (builtin) return await builtin.run(rest, ctx);
    const loaded = await plugins(ctx);
    const { mounted, hidden } = mountCommands(loaded.loaded, builtinNames);
    const found = first.startsWith("-") ? void 0 : matchCommand(mounted, argv);
    if (found) return await runPluginCommand(ctx, found.match, found.args);
    reportFailures(ctx, loaded.failures);
    ctx.err(`hangar: ${ctx.t("hangar.cli.unknownCommand", { command: first })}`);
    ctx.err("");
    for (const line of usageLines(mounted, hidden)) ctx.err(line);
    return EXIT.USAGE;
  } catch (error) {
    return ctx.fail(error);
  }
}

export {
  cliMessages,
  EXIT,
  exitCodeForApiError,
  CliError,
  languageFromEnv,
  DEFAULT_CONFIG_FILE,
  configSchema,
  configPath,
  loadConfig,
  explicitPluginSources,
  discoverInstalledPlugins,
  isPlugin,
  loadPlugin,
  loadPlugins,
  ProgressBar,
  SseParser,
  BUILTIN_COMMANDS,
  runCli
};
//# sourceMappingURL=chunk-E3S4GLWP.js.map