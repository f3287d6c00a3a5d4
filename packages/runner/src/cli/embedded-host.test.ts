import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { capture, tempDir } from './test-kit.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

describe('plugin commands and the embedded host', () => {
  it('lets a plugin command run its own jobs on an embedded runner', async () => {
    const file = join(dir, 'math-plugin.mjs');
    // A plugin module of its own, with no dependency: its schema only needs `safeParse`.
    await writeFile(
      file,
      `const params = { safeParse: (v) => typeof v?.n === 'number' ? { success: true, data: v } : { success: false, error: { issues: [{ path: ['n'], message: 'n must be a number', code: 'invalid_type' }] } } };
const square = { type: 'math.square', params, create: () => ({ async execute(p, ctx) { ctx.progress({ key: 'math.squaring', params: { n: p.n } }); return p.n * p.n; } }) };
const plugin = { name: 'math-plugin', jobs: [square], messages: { en: { 'math.squaring': 'Squaring {n}' } }, commands: [
  { path: ['math', 'square'], summary: 'Squares a number with a real job', usage: 'hangar math square <n>',
    async run(args, io) {
      const host = await io.host.startEmbedded({ plugins: [plugin] });
      try {
        const job = await host.run('math.square', { n: Number(args[0]) });
        const messages = await host.messages(job.id);
        io.stdout.write(job.state + ' ' + JSON.stringify(job.result?.result ?? null) + ' ' + messages.join('|') + '\\n');
        return job.state === 'Succeeded' ? 0 : 1;
      } finally { await host.stop(); }
    } },
] };
export default plugin;
`,
    );
    const c = capture({ HANGAR_PLUGINS: file }, dir);
    expect(await runCli(['math', 'square', '7'], c.io)).toBe(0);
    expect(c.out()).toBe('Succeeded 49 Squaring 7\n');
  });
});
