import { Translator, CliIo, MessageParam, HangarError, FieldIssue, ErrorParams, HangarPlugin } from '@hangar/core';
import { z } from 'zod';

/** Streams and surroundings of one CLI run; everything defaults to the current process. */
interface CliRunIo extends CliIo {
    /** Environment variables (HANGAR_URL, HANGAR_TOKEN, HANGAR_PLUGINS, HANGAR_LANG, ...). @defaultValue process.env */
    env?: Readonly<Record<string, string | undefined>>;
    /** Directory plugins and the config file are looked up from. @defaultValue process.cwd() */
    cwd?: string;
    /** Aborts a waiting command and stops `serve` gracefully (main wires it to SIGINT/SIGTERM). */
    signal?: AbortSignal;
}
/** Language of the CLI's own messages: HANGAR_LANG, then the POSIX locale (`fr_FR.UTF-8` → `fr`), then English. */
declare function languageFromEnv(env: Readonly<Record<string, string | undefined>>): string;
/** What every command gets: streams, environment, language and message rendering. */
declare class CliContext {
    /** Standard output. */
    readonly stdout: NodeJS.WritableStream;
    /** Standard error. */
    readonly stderr: NodeJS.WritableStream;
    /** Environment variables. */
    readonly env: Readonly<Record<string, string | undefined>>;
    /** Working directory. */
    readonly cwd: string;
    /** Abort signal of the run, if any. */
    readonly signal: AbortSignal | undefined;
    /** Renders the CLI's, the framework's and the loaded plugins' messages. */
    readonly translator: Translator;
    /** Language of the messages; `--lang` of a command replaces it. */
    lang: string;
    constructor(io: CliRunIo);
    /** A message in the user's language. */
    t(key: string, params?: Readonly<Record<string, MessageParam>>): string;
    /** Writes a line to stdout. */
    out(line?: string): void;
    /** Writes a line to stderr. */
    err(line?: string): void;
    /** Prints an error the way every command does, and returns its exit code. */
    fail(error: unknown): number;
}

/**
 * Exit codes of the CLI. The job outcomes come first (0, 1, 2) so scripts can branch on them;
 * the rest follow BSD sysexits, so a wrapper can tell bad input from an unreachable server.
 */
declare const EXIT: {
    /** Done; with `--wait`, the job Succeeded. */
    readonly OK: 0;
    /** The job Failed, or the job was not found. */
    readonly FAILED: 1;
    /** The job was Cancelled. */
    readonly CANCELLED: 2;
    /** Bad command line: unknown command or flag, missing argument, bad JSON in a flag. */
    readonly USAGE: 64;
    /** The server refused the input: invalid parameters or options, unknown job type. */
    readonly DATA: 65;
    /** The server could not be reached or is unavailable. */
    readonly UNAVAILABLE: 69;
    /** An internal error, in the CLI or the server. */
    readonly SOFTWARE: 70;
    /** The token is missing, wrong, or lacks the role. */
    readonly NOPERM: 77;
    /** The config file, a plugin or a queue adapter could not be loaded. */
    readonly CONFIG: 78;
    /** Interrupted by Ctrl-C while waiting. */
    readonly INTERRUPTED: 130;
};
/** One of the exit codes. */
type ExitCode = (typeof EXIT)[keyof typeof EXIT];
/** Exit code for an error code of the HTTP API. */
declare function exitCodeForApiError(code: string, status: number): ExitCode;

/** An error that ends a CLI command with a message and an exit code. */
declare class CliError extends HangarError {
    /** Process exit code. */
    readonly exitCode: ExitCode;
    /** Field problems reported by the server, printed one per line. */
    readonly issues: readonly FieldIssue[];
    /** A message already rendered by the server, printed instead of the key. */
    readonly rendered: string | undefined;
    constructor(exitCode: ExitCode, key: string, params?: ErrorParams, extra?: {
        code?: string;
        issues?: readonly FieldIssue[];
        rendered?: string;
        cause?: unknown;
    });
}

/** Messages of the keys the CLI prints, in English and French. */
declare const cliMessages: {
    readonly en: {
        readonly 'hangar.cli.unknownCommand': "Unknown command \"{command}\".";
        readonly 'hangar.cli.usageError': "{problem}";
        readonly 'hangar.cli.missingArgument': "Missing {name}: {hint}";
        readonly 'hangar.cli.badJson': "The value of {flag} is not valid JSON ({reason}); quote it, e.g. {flag} '{\"a\": 1}'";
        readonly 'hangar.cli.badNumber': "The value of {flag} must be a whole number, got \"{value}\"";
        readonly 'hangar.cli.numberTooSmall': "The value of {flag} must be at least {min}, got {value}";
        readonly 'hangar.cli.numberTooLarge': "The value of {flag} must be at most {max}, got {value}";
        readonly 'hangar.cli.version': "hangar {version}";
        readonly 'hangar.cli.badUrl': "The server URL \"{url}\" is not an http(s) URL; pass e.g. --server http://127.0.0.1:8080";
        readonly 'hangar.cli.noToken': "No API token: pass --token or set HANGAR_TOKEN";
        readonly 'hangar.cli.unreachable': "Cannot reach the Hangar server at {url} ({reason}); check --server or HANGAR_URL";
        readonly 'hangar.cli.badResponse': "The server at {url} answered {status} without a Hangar error body";
        readonly 'hangar.cli.streamLost': "Lost the event stream of job {jobId} ({reason})";
        readonly 'hangar.cli.enqueued': "Job {jobId} enqueued ({type})";
        readonly 'hangar.cli.succeeded': "Job {jobId} succeeded";
        readonly 'hangar.cli.failed': "Job {jobId} failed";
        readonly 'hangar.cli.cancelledJob': "Job {jobId} was cancelled";
        readonly 'hangar.cli.stoppedWaiting': "Stopped waiting; job {jobId} goes on (see: hangar status {jobId})";
        readonly 'hangar.cli.cancelOutcome.cancelled': "Job {jobId} cancelled; it will not run";
        readonly 'hangar.cli.cancelOutcome.requested': "Cancellation of job {jobId} requested; its worker is stopping it";
        readonly 'hangar.cli.cancelOutcome.finished': "Job {jobId} had already finished ({state})";
        readonly 'hangar.cli.jobRetried': "Job {jobId} is {state} again, with up to {maxAttempts} attempts in all";
        readonly 'hangar.cli.jobDeleted': "Job {jobId} deleted, with its log";
        readonly 'hangar.cli.workflow': "Workflow {name} ({id}): {state}, {done} of {total} steps done";
        readonly 'hangar.cli.workflowCancelled': "Workflow {id}: {outcome}; {steps} steps cancelled or stopping";
        readonly 'hangar.cli.scheduleCreated': "Schedule {name} created; next run {next}";
        readonly 'hangar.cli.scheduleReplaced': "Schedule {name} replaced; next run {next}";
        readonly 'hangar.cli.schedulePaused': "Schedule {name} paused";
        readonly 'hangar.cli.scheduleResumed': "Schedule {name} resumed; next run {next}";
        readonly 'hangar.cli.scheduleDeleted': "Schedule {name} deleted";
        readonly 'hangar.cli.noJobs': "No jobs";
        readonly 'hangar.cli.noSchedules': "No schedules";
        readonly 'hangar.cli.triggerCreated': "Trigger {name} created";
        readonly 'hangar.cli.triggerReplaced': "Trigger {name} replaced";
        readonly 'hangar.cli.triggerPaused': "Trigger {name} paused";
        readonly 'hangar.cli.triggerResumed': "Trigger {name} resumed; it fires on jobs that end from now on";
        readonly 'hangar.cli.triggerDeleted': "Trigger {name} deleted";
        readonly 'hangar.cli.noTriggers': "No triggers";
        readonly 'hangar.cli.morePages': "More jobs: hangar list --cursor {cursor}";
        readonly 'hangar.cli.configNotFound': "Config file {path} not found; create it or pass --config <file>";
        readonly 'hangar.cli.configInvalid': "Invalid config {path}: {problem}";
        readonly 'hangar.cli.envMissing': "Config {path}: {field} refers to the environment variable {name}, which is not set";
        readonly 'hangar.cli.pluginFailed': "Could not load plugin {specifier} ({origin}): {reason}";
        readonly 'hangar.cli.pluginConflict': "Plugin command \"{command}\" of {plugin} is hidden by an earlier command with the same name";
        readonly 'hangar.cli.adapterMissing': "The {kind} queue adapter could not be loaded ({reason}); install its driver: npm install {driver}";
        readonly 'hangar.cli.badLogLevel': "HANGAR_LOG_LEVEL is \"{value}\"; use one of {levels}";
        readonly 'hangar.cli.pluginServicesFailed': "Could not start the services of plugin {plugin}: {reason}";
        readonly 'hangar.cli.pluginNeedsSettings': "Plugin {plugin} takes settings (such as its database) that the config does not give, so its jobs may miss a service; give them in a \"plugins\" entry with \"package\" and \"settings\"";
        readonly 'hangar.cli.listening': "Hangar listening on {url} with {count} job types; stop with Ctrl-C or SIGTERM";
        readonly 'hangar.cli.listenFailed': "Could not listen on {host}:{port} ({reason})";
        readonly 'hangar.cli.stopping': "Stopping: finishing running jobs";
        readonly 'hangar.cli.stopped': "Stopped";
        readonly 'hangar.cli.commandFailed': "Command \"{command}\" failed: {reason}";
        readonly 'hangar.cli.unexpected': "Unexpected error: {reason}";
    };
    readonly fr: {
        readonly 'hangar.cli.unknownCommand': "Commande inconnue « {command} ».";
        readonly 'hangar.cli.usageError': "{problem}";
        readonly 'hangar.cli.missingArgument': "Il manque {name} : {hint}";
        readonly 'hangar.cli.badJson': "La valeur de {flag} n'est pas du JSON valide ({reason}) ; mettez-la entre guillemets, par ex. {flag} '{\"a\": 1}'";
        readonly 'hangar.cli.badNumber': "La valeur de {flag} doit être un nombre entier, reçu « {value} »";
        readonly 'hangar.cli.numberTooSmall': "La valeur de {flag} doit être au moins {min}, reçu {value}";
        readonly 'hangar.cli.numberTooLarge': "La valeur de {flag} doit être au plus {max}, reçu {value}";
        readonly 'hangar.cli.version': "hangar {version}";
        readonly 'hangar.cli.badUrl': "L'URL du serveur « {url} » n'est pas une URL http(s) ; passez par ex. --server http://127.0.0.1:8080";
        readonly 'hangar.cli.noToken': "Aucun jeton d'API : passez --token ou définissez HANGAR_TOKEN";
        readonly 'hangar.cli.unreachable': "Impossible de joindre le serveur Hangar à {url} ({reason}) ; vérifiez --server ou HANGAR_URL";
        readonly 'hangar.cli.badResponse': "Le serveur {url} a répondu {status} sans corps d'erreur Hangar";
        readonly 'hangar.cli.streamLost': "Flux d'événements de la tâche {jobId} perdu ({reason})";
        readonly 'hangar.cli.enqueued': "Tâche {jobId} mise en file ({type})";
        readonly 'hangar.cli.succeeded': "Tâche {jobId} réussie";
        readonly 'hangar.cli.failed': "Tâche {jobId} en échec";
        readonly 'hangar.cli.cancelledJob': "Tâche {jobId} annulée";
        readonly 'hangar.cli.stoppedWaiting': "Attente interrompue ; la tâche {jobId} continue (voir : hangar status {jobId})";
        readonly 'hangar.cli.cancelOutcome.cancelled': "Tâche {jobId} annulée ; elle ne sera pas exécutée";
        readonly 'hangar.cli.cancelOutcome.requested': "Annulation de la tâche {jobId} demandée ; son worker l'arrête";
        readonly 'hangar.cli.cancelOutcome.finished': "La tâche {jobId} était déjà terminée ({state})";
        readonly 'hangar.cli.jobRetried': "La tâche {jobId} est de nouveau {state}, avec au plus {maxAttempts} tentatives en tout";
        readonly 'hangar.cli.jobDeleted': "Tâche {jobId} supprimée, avec son journal";
        readonly 'hangar.cli.workflow': "Workflow {name} ({id}) : {state}, {done} étapes sur {total} terminées";
        readonly 'hangar.cli.workflowCancelled': "Workflow {id} : {outcome} ; {steps} étapes annulées ou en arrêt";
        readonly 'hangar.cli.scheduleCreated': "Planification {name} créée ; prochaine exécution {next}";
        readonly 'hangar.cli.scheduleReplaced': "Planification {name} remplacée ; prochaine exécution {next}";
        readonly 'hangar.cli.schedulePaused': "Planification {name} suspendue";
        readonly 'hangar.cli.scheduleResumed': "Planification {name} reprise ; prochaine exécution {next}";
        readonly 'hangar.cli.scheduleDeleted': "Planification {name} supprimée";
        readonly 'hangar.cli.noJobs': "Aucune tâche";
        readonly 'hangar.cli.noSchedules': "Aucune planification";
        readonly 'hangar.cli.triggerCreated': "Déclencheur {name} créé";
        readonly 'hangar.cli.triggerReplaced': "Déclencheur {name} remplacé";
        readonly 'hangar.cli.triggerPaused': "Déclencheur {name} suspendu";
        readonly 'hangar.cli.triggerResumed': "Déclencheur {name} repris ; il se déclenche sur les tâches qui se terminent à partir de maintenant";
        readonly 'hangar.cli.triggerDeleted': "Déclencheur {name} supprimé";
        readonly 'hangar.cli.noTriggers': "Aucun déclencheur";
        readonly 'hangar.cli.morePages': "Autres tâches : hangar list --cursor {cursor}";
        readonly 'hangar.cli.configNotFound': "Fichier de configuration {path} introuvable ; créez-le ou passez --config <fichier>";
        readonly 'hangar.cli.configInvalid': "Configuration {path} invalide : {problem}";
        readonly 'hangar.cli.envMissing': "Configuration {path} : {field} renvoie à la variable d'environnement {name}, qui n'est pas définie";
        readonly 'hangar.cli.pluginFailed': "Impossible de charger le plugin {specifier} ({origin}) : {reason}";
        readonly 'hangar.cli.pluginConflict': "La commande « {command} » du plugin {plugin} est masquée par une commande antérieure de même nom";
        readonly 'hangar.cli.adapterMissing': "L'adaptateur de file {kind} n'a pas pu être chargé ({reason}) ; installez son pilote : npm install {driver}";
        readonly 'hangar.cli.badLogLevel': "HANGAR_LOG_LEVEL vaut « {value} » ; utilisez l'un de {levels}";
        readonly 'hangar.cli.pluginServicesFailed': "Impossible de démarrer les services du plugin {plugin} : {reason}";
        readonly 'hangar.cli.pluginNeedsSettings': "Le plugin {plugin} prend des réglages (comme sa base de données) que la configuration ne donne pas, ses tâches risquent donc de manquer d'un service ; donnez-les dans une entrée de \"plugins\" avec \"package\" et \"settings\"";
        readonly 'hangar.cli.listening': "Hangar écoute sur {url} avec {count} types de tâches ; arrêt par Ctrl-C ou SIGTERM";
        readonly 'hangar.cli.listenFailed': "Impossible d'écouter sur {host}:{port} ({reason})";
        readonly 'hangar.cli.stopping': "Arrêt : fin des tâches en cours";
        readonly 'hangar.cli.stopped': "Arrêté";
        readonly 'hangar.cli.commandFailed': "La commande « {command} » a échoué : {reason}";
        readonly 'hangar.cli.unexpected': "Erreur inattendue : {reason}";
    };
};

/** A command built into the CLI. */
interface BuiltinCommand {
    /** Word after `hangar`. */
    readonly name: string;
    /** One-line help for `hangar --help`. */
    readonly summary: string;
    /** Usage and flags for `hangar <name> --help`. */
    readonly help: readonly string[];
    /** Runs the command; returns the exit code. */
    run(args: readonly string[], ctx: CliContext): Promise<number>;
}

/** Config file read when neither --config nor HANGAR_CONFIG names one. */
declare const DEFAULT_CONFIG_FILE = "hangar.config.json";
/** Schema of `hangar.config.json`. */
declare const configSchema: z.ZodObject<{
    $schema: z.ZodOptional<z.ZodString>;
    queue: z.ZodDefault<z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"memory">;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"postgres">;
        url: z.ZodString;
        schema: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"redis">;
        url: z.ZodString;
        prefix: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>], "kind">>;
    plugins: z.ZodDefault<z.ZodArray<z.ZodUnion<readonly [z.ZodPipe<z.ZodString, z.ZodTransform<{
        package: string;
        settings: unknown;
    }, string>>, z.ZodObject<{
        package: z.ZodString;
        settings: z.ZodOptional<z.ZodUnknown>;
    }, z.core.$strict>]>>>;
    discover: z.ZodDefault<z.ZodBoolean>;
    http: z.ZodOptional<z.ZodObject<{
        port: z.ZodDefault<z.ZodNumber>;
        host: z.ZodDefault<z.ZodString>;
        tokens: z.ZodArray<z.ZodObject<{
            token: z.ZodString;
            customerId: z.ZodString;
            userId: z.ZodString;
            roles: z.ZodArray<z.ZodEnum<{
                admin: "admin";
                operator: "operator";
                viewer: "viewer";
            }>>;
        }, z.core.$strict>>;
        filesRoot: z.ZodOptional<z.ZodString>;
        dashboard: z.ZodDefault<z.ZodBoolean>;
        metrics: z.ZodDefault<z.ZodUnion<readonly [z.ZodBoolean, z.ZodObject<{
            customerLabel: z.ZodOptional<z.ZodBoolean>;
        }, z.core.$strict>]>>;
    }, z.core.$strict>>;
    runner: z.ZodDefault<z.ZodObject<{
        concurrency: z.ZodOptional<z.ZodNumber>;
        queues: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodNumber>>;
        jobTypes: z.ZodOptional<z.ZodArray<z.ZodString>>;
        leaseMs: z.ZodOptional<z.ZodNumber>;
        heartbeatMs: z.ZodOptional<z.ZodNumber>;
        pollIntervalMs: z.ZodOptional<z.ZodNumber>;
        recoveryIntervalMs: z.ZodOptional<z.ZodNumber>;
        schedulerIntervalMs: z.ZodOptional<z.ZodNumber>;
        triggerSettleMs: z.ZodOptional<z.ZodNumber>;
        shutdownGraceMs: z.ZodOptional<z.ZodNumber>;
        abortGraceMs: z.ZodOptional<z.ZodNumber>;
        maxPerCustomer: z.ZodOptional<z.ZodNumber>;
        cleanupIntervalMs: z.ZodOptional<z.ZodNumber>;
        retention: z.ZodOptional<z.ZodUnion<readonly [z.ZodLiteral<false>, z.ZodObject<{
            succeededMs: z.ZodNumber;
            cancelledMs: z.ZodNumber;
            failedMs: z.ZodNumber;
            batchSize: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strict>]>>;
        workerId: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>;
    log: z.ZodDefault<z.ZodObject<{
        level: z.ZodOptional<z.ZodEnum<{
            fatal: "fatal";
            error: "error";
            warn: "warn";
            info: "info";
            debug: "debug";
            trace: "trace";
            silent: "silent";
        }>>;
        format: z.ZodDefault<z.ZodEnum<{
            json: "json";
            pretty: "pretty";
            auto: "auto";
        }>>;
    }, z.core.$strict>>;
    schedules: z.ZodDefault<z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        cron: z.ZodString;
        timezone: z.ZodOptional<z.ZodString>;
        type: z.ZodString;
        params: z.ZodDefault<z.ZodUnknown>;
        options: z.ZodDefault<z.ZodObject<{
            queue: z.ZodOptional<z.ZodString>;
            priority: z.ZodOptional<z.ZodNumber>;
            customerId: z.ZodOptional<z.ZodString>;
            userId: z.ZodOptional<z.ZodString>;
        }, z.core.$strict>>;
        paused: z.ZodDefault<z.ZodBoolean>;
    }, z.core.$strict>>>;
    triggers: z.ZodDefault<z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        on: z.ZodObject<{
            type: z.ZodString;
            customerId: z.ZodOptional<z.ZodString>;
            states: z.ZodArray<z.ZodEnum<{
                Succeeded: "Succeeded";
                Failed: "Failed";
                Cancelled: "Cancelled";
            }>>;
            metadata: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>;
        }, z.core.$strict>;
        job: z.ZodObject<{
            type: z.ZodString;
            params: z.ZodDefault<z.ZodUnknown>;
            queue: z.ZodOptional<z.ZodString>;
            priority: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strict>;
        paused: z.ZodDefault<z.ZodBoolean>;
    }, z.core.$strict>>>;
}, z.core.$strict>;
/** A parsed config, with `env:` references replaced and paths made absolute. */
type HangarConfig = z.output<typeof configSchema> & {
    /** The file it came from. */
    path: string;
    /** Its directory: relative plugin paths and `filesRoot` are read from here. */
    dir: string;
};
/** Where the config file is: --config, then HANGAR_CONFIG, then `hangar.config.json` in the working directory. */
declare function configPath(cwd: string, env: Readonly<Record<string, string | undefined>>, flag?: string): string;
/**
 * Reads and checks a config file. Secrets can stay out of it: `${NAME}` in any string is replaced
 * by that environment variable, and so is a whole string `"env:NAME"` in `queue.url` or a token.
 * Returns undefined for a missing optional file.
 */
declare function loadConfig(path: string, env: Readonly<Record<string, string | undefined>>, required: boolean): Promise<HangarConfig | undefined>;

/** Where a plugin was named. */
type PluginOrigin = 'config' | 'HANGAR_PLUGINS' | 'node_modules';
/** A plugin to load: a package name or a path, and where it was found. */
interface PluginSource {
    /** Package name (`@hangar/jobs-database`) or file path (`./my-plugin.js`). */
    specifier: string;
    /** Config, environment, or an installed `@hangar/jobs-*` package. */
    origin: PluginOrigin;
    /** Directory the specifier is resolved from. */
    baseDir: string;
}
/** A plugin that loaded. */
interface LoadedPlugin {
    /** Where it came from. */
    source: PluginSource;
    /** The plugin. */
    plugin: HangarPlugin;
}
/** A plugin that did not load, and why. */
interface PluginFailure {
    /** Where it came from. */
    source: PluginSource;
    /** The import or shape error. */
    error: Error;
}
/** Names the config and HANGAR_PLUGINS give, config first, without duplicates. */
declare function explicitPluginSources(configPlugins: readonly string[], configDir: string, env: Readonly<Record<string, string | undefined>>, cwd: string): PluginSource[];
/** Every `node_modules/@hangar/jobs-*` package from `cwd` up to the root; the nearest copy wins. */
declare function discoverInstalledPlugins(cwd: string): Promise<PluginSource[]>;
/** Whether a module export looks like a Hangar plugin. */
declare function isPlugin(value: unknown): value is HangarPlugin;
/** Imports one plugin; its module may export it as default, as `plugin`, or as any named export. */
declare function loadPlugin(source: PluginSource): Promise<HangarPlugin>;
/** Imports every source, collecting failures instead of stopping at the first. */
declare function loadPlugins(sources: readonly PluginSource[]): Promise<{
    loaded: LoadedPlugin[];
    failures: PluginFailure[];
}>;

/** A progress bar on a stream: redrawn in place on a terminal, one line per update otherwise (logs, CI). */
declare class ProgressBar {
    private readonly stream;
    private readonly width;
    private readonly tty;
    private shown;
    constructor(stream: NodeJS.WritableStream, width?: number);
    /** The bar text for a count, e.g. `[#########.....................]  30% 3/10`. */
    static render(current: number, total: number, width?: number): string;
    /** Shows the bar at `current` of `total`. */
    update(current: number, total: number): void;
    /** Runs `print` with the bar out of the way, so a message never lands in the middle of it. */
    around(print: () => void): void;
    /** Removes the bar from a terminal (a log keeps its lines). */
    done(): void;
}

/** The commands every `hangar` has, in help order. */
declare const BUILTIN_COMMANDS: readonly BuiltinCommand[];
/**
 * Runs the `hangar` command line: a built-in command, or a command of a discovered plugin.
 * Returns the exit code instead of exiting, so it runs in-process in tests and embedders.
 */
declare function runCli(argv: readonly string[], io: CliRunIo): Promise<number>;

/** One server-sent event. */
interface SseMessage {
    /** Event name; `message` when the server gave none. */
    event: string;
    /** The data lines, joined by newlines. */
    data: string;
    /** The `id` field, when the event had one. */
    id: string | undefined;
}
/** Incremental parser of a `text/event-stream` body; chunks may split lines and events anywhere. */
declare class SseParser {
    private buffer;
    private event;
    private data;
    private id;
    /** Feeds a decoded chunk; returns the events it completed. */
    push(chunk: string): SseMessage[];
    private line;
}

export { BUILTIN_COMMANDS, type BuiltinCommand, CliError, type CliRunIo, DEFAULT_CONFIG_FILE, EXIT, type ExitCode, type HangarConfig, type LoadedPlugin, type PluginFailure, type PluginOrigin, type PluginSource, ProgressBar, type SseMessage, SseParser, cliMessages, configPath, configSchema, discoverInstalledPlugins, exitCodeForApiError, explicitPluginSources, isPlugin, languageFromEnv, loadConfig, loadPlugin, loadPlugins, runCli };
