#!/usr/bin/env node
// The `hangar` bin. It is committed, not built, so that npm can link it when the workspace is
// installed; it runs the built CLI and says what to do when the build has not run yet.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(fileURLToPath(cli))) {
  await import(cli.href);
} else {
  process.stderr.write(
    `hangar: the CLI is not built yet (${fileURLToPath(cli)} is missing); run "npm run build" first\n`,
  );
  process.exitCode = 70;
}
