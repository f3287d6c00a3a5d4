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

// A reader that stops early (`hangar status <id> | head -2`) closes the pipe; the next write fails
// with EPIPE. Like any Unix filter, stop quietly then: the reader has what it wanted.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

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
