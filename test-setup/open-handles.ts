import { afterAll } from 'vitest';

const LEAKS = new Set(['TCPServerWrap', 'TCPSocketWrap', 'ProcessWrap', 'PipeServerWrap']);

// Fails a test file that leaves a server, socket or child process open after its tests.
const before = new Set(snapshot());

function snapshot(): string[] {
  const info = (process as unknown as { getActiveResourcesInfo?: () => string[] }).getActiveResourcesInfo;
  return info ? info.call(process) : [];
}

afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const leaked = snapshot().filter((r) => LEAKS.has(r));
  const baseline = [...before].filter((r) => LEAKS.has(r));
  if (leaked.length > baseline.length) {
    throw new Error(
      `Test file left open: ${leaked.join(', ')}. Close every runner, server and child process.`,
    );
  }
});
