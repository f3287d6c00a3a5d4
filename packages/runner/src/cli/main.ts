#!/usr/bin/env node
import { runCli } from './run-cli.js';

// The first Ctrl-C or SIGTERM asks the command to stop (serve drains, --wait stops waiting);
// a second one exits at once for a user who does not want to wait.
const controller = new AbortController();
const onSignal = () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
}).then(
  (code) => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `hangar: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
