import { assertSystemJob, defineJob, t } from '@hangar/core';
import { z } from 'zod';
import { CommandFailedError } from '../errors/command-failed-error.js';
import { CommandNotAllowedError } from '../errors/command-not-allowed-error.js';
import { CommandTimeoutError } from '../errors/command-timeout-error.js';
import { InvalidParamError } from '../errors/invalid-param-error.js';
import { ProcessGroup } from '../process/process-group.js';
import { workingDirectory } from '../process/working-directory.js';
import { type CommandLineOptions, configuredEntry, utilsOptionsOf } from '../settings/utils-options.js';

export const RUN_COMMAND_LINE_JOB_TYPE = 'utils.run-command-line';

/** Parameters of {@link runCommandLineJob}. */
export const runCommandLineParams = z.object({
  /** Name of an executable in the operator's allow-list (`commandLine.executables`). */
  command: z.string().min(1),
  /** Arguments, passed as they are: no shell reads them. */
  args: z.array(z.string()).default([]),
  /** Working directory, relative to the first allowed root or absolute inside one. */
  cwd: z.string().min(1).optional(),
  /** Variables to set; each name must be in `commandLine.paramEnv`. */
  env: z.record(z.string(), z.string()).default({}),
  /** Timeout in ms, at most `commandLine.maxTimeoutMs`; `commandLine.timeoutMs` when absent. */
  timeoutMs: z.number().int().positive().optional(),
});

/** What a successful run returns. */
export interface RunCommandLineResult {
  readonly command: string;
  readonly exitCode: number;
  readonly stdoutLines: number;
  readonly stderrLines: number;
}

type Params = z.output<typeof runCommandLineParams>;

function childEnv(params: Params, options: CommandLineOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of options.inheritEnv) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  for (const [name, value] of Object.entries(params.env)) {
    if (!options.paramEnv.includes(name)) throw new CommandNotAllowedError(`env.${name}`, name);
    env[name] = value;
  }
  return env;
}

/**
 * Runs an executable of the operator's allow-list, with its arguments as an array (no shell), in
 * a working directory inside an allowed root, with a filtered environment and a timeout. Each
 * line of stdout and stderr goes to the job log; a non-zero exit fails the job with its code and
 * last lines. Cancellation and timeout stop the whole process group (SIGTERM, then SIGKILL).
 */
export const runCommandLineJob = defineJob<
  Params,
  RunCommandLineResult,
  z.input<typeof runCommandLineParams>
>({
  type: RUN_COMMAND_LINE_JOB_TYPE,
  description: t('utils.job.runCommandLine'),
  params: runCommandLineParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const options = utilsOptionsOf(services).commandLine;
      assertSystemJob(ctx, { what: RUN_COMMAND_LINE_JOB_TYPE, allowedCustomers: options.allowedCustomers });
      const executable = configuredEntry(options.executables, params.command);
      if (executable === undefined) throw new CommandNotAllowedError('command', params.command);
      const env = childEnv(params, options);
      const timeoutMs = params.timeoutMs ?? options.timeoutMs;
      if (timeoutMs > options.maxTimeoutMs)
        throw new InvalidParamError('timeoutMs', `must be at most ${options.maxTimeoutMs}`);
      const cwd = await workingDirectory('cwd', params.cwd, options.roots);
      ctx.checkpoint();

      const command = params.command;
      const tail: string[] = [];
      const counts = { stdout: 0, stderr: 0 };
      ctx.progress(t('utils.progress.commandStarted', { command, cwd }), { current: 0, total: 1 });
      const group = await ProcessGroup.start({
        executable,
        args: params.args,
        cwd,
        env,
        onLine(stream, line) {
          counts[stream] += 1;
          tail.push(line);
          if (tail.length > options.tailLines) tail.shift();
          ctx.info(t(`utils.commandLine.${stream}`, { line }));
        },
      });
      let timedOut = false;
      const stop = () => void group.stop(options.killGraceMs);
      ctx.signal.addEventListener('abort', stop, { once: true });
      const timer = setTimeout(() => {
        timedOut = true;
        stop();
      }, timeoutMs);
      if (ctx.signal.aborted) stop();
      try {
        const exit = await group.exited;
        ctx.checkpoint();
        if (timedOut) throw new CommandTimeoutError(command, timeoutMs);
        if (exit.code !== 0) {
          const how = exit.code === null ? `signal ${exit.signal}` : `exit code ${exit.code}`;
          throw new CommandFailedError(command, how, tail.join('\n'));
        }
        ctx.progress(t('utils.progress.commandDone', { command, ...counts }), { current: 1, total: 1 });
        return { command, exitCode: 0, stdoutLines: counts.stdout, stderrLines: counts.stderr };
      } finally {
        clearTimeout(timer);
        ctx.signal.removeEventListener('abort', stop);
      }
    },
  }),
});
