import type { MessageCatalogs } from '../i18n/translator.js';
import type { AnyJobDefinition } from '../job/job.js';
import type { ServiceRegistration } from '../job/services.js';
import type { JobRecord } from '../queue/job-record.js';
import type { PluginSettings } from './plugin-settings.js';

/** A command a plugin adds to the `hangar` CLI (e.g. `hangar conso evaluate`). */
export interface CliCommand {
  /** Words after `hangar`, e.g. `['conso', 'evaluate']`. */
  readonly path: readonly string[];
  /** One-line help. */
  readonly summary: string;
  /** Usage line shown by `--help`. */
  readonly usage: string;
  /** Runs the command; returns the process exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Streams a CLI command writes to, and the host that can run jobs for it. */
export interface CliIo {
  /** Standard output. */
  stdout: NodeJS.WritableStream;
  /** Standard error. */
  stderr: NodeJS.WritableStream;
  /** Runs jobs in-process, so a plugin's command can use its own jobs without depending on the runner. */
  host?: CliHost;
}

/** What the `hangar` CLI offers to plugin commands. */
export interface CliHost {
  /** Starts an embedded runner on the in-memory queue with these plugins and extra services. */
  startEmbedded(options: {
    plugins: readonly HangarPlugin[];
    services?: readonly ServiceRegistration[];
  }): Promise<EmbeddedHost>;
}

/** An embedded runner started for a CLI command. */
export interface EmbeddedHost {
  /** Enqueues a job, waits for its end and returns its record (whatever its final state). */
  run(type: string, params: unknown, options?: { customerId?: string; userId?: string }): Promise<JobRecord>;
  /** The job's messages, rendered in `lang`. */
  messages(jobId: string, lang?: string): Promise<string[]>;
  /** Stops the runner. */
  stop(): Promise<void>;
}

/** What a plugin package exports: its job types, services and messages. */
export interface HangarPlugin {
  /** Package-like name, e.g. `@hangar/jobs-database`. */
  readonly name: string;
  /** Job types it provides. */
  readonly jobs: readonly AnyJobDefinition[];
  /** Services its jobs need, registered into the runner's container. */
  readonly services?: readonly ServiceRegistration[];
  /** Messages of every key its jobs emit, at least in English. */
  readonly messages?: MessageCatalogs;
  /** CLI commands it contributes. */
  readonly commands?: readonly CliCommand[];
  /**
   * Settings its services need from the host's configuration, and the factory that builds them
   * (`hangar serve` reads them from the config file's `plugins[].settings`).
   */
  readonly settings?: PluginSettings;
}

/** Declares a plugin (identity function that keeps the types). */
export function definePlugin(plugin: HangarPlugin): HangarPlugin {
  return plugin;
}
