#!/usr/bin/env node
import {
  runCli
} from "../chunk-E3S4GLWP.js";
import "../chunk-KY6ZJNSP.js";
import "../chunk-B6TWPKTS.js";
import "../chunk-V7NQM3WP.js";
import "../chunk-KVHFSRVM.js";
import "../chunk-MTN5VB52.js";
import "../chunk-7RYAG6XL.js";
import "../chunk-WY5ZCKJX.js";

// src/cli/main.ts
var controller = new AbortController();
var onSignal = () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}
runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal
}).then(
  (code) => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `hangar: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`
    );
    process.exitCode = 70;
  }
);
//# sourceMappingURL=main.js.map