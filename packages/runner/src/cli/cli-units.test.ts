import { describe, expect, it } from 'vitest';
import type { JobView } from '../http/view-schemas.js';
import { languageFromEnv } from './cli-context.js';
import { exitCodeForApiError } from './exit-codes.js';
import { formatJob, relativeTime, table } from './format.js';
import { intFlag, parseCommand } from './parse-command.js';
import { ProgressBar } from './progress-bar.js';
import { SseParser } from './sse-parser.js';

describe('SseParser', () => {
  it('parses events split anywhere across chunks, with CRLF, comments and multi-line data', () => {
    const text =
      ': hi\r\nretry: 2000\r\n\r\nid: 1\r\nevent: progress\r\ndata: {"a":\r\ndata: 1}\r\n\r\nevent: end\ndata: {}\n\n';
    for (const size of [1, 2, 3, 7, text.length]) {
      const parser = new SseParser();
      const events = [];
      for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
      expect(events, `chunks of ${size}`).toEqual([
        { event: 'progress', data: '{"a":\n1}', id: '1' },
        { event: 'end', data: '{}', id: undefined },
      ]);
    }
  });
});

describe('ProgressBar', () => {
  it('redraws in place on a terminal and gets out of the way of messages', () => {
    const writes: string[] = [];
    const stream = { isTTY: true, write: (s: string) => writes.push(s) } as unknown as NodeJS.WritableStream;
    const bar = new ProgressBar(stream, 10);
    bar.update(1, 2);
    bar.update(1, 2);
    bar.around(() => writes.push('message\n'));
    bar.done();
    expect(writes).toEqual([
      '\r\x1b[2K[#####.....]  50% 1/2',
      '\r\x1b[2K',
      'message\n',
      '[#####.....]  50% 1/2',
      '\r\x1b[2K',
    ]);
    expect(ProgressBar.render(0, 0, 4)).toBe('[....]   0% 0/0');
  });
});

describe('helpers', () => {
  it('takes the language from HANGAR_LANG, then the POSIX locale', () => {
    expect(languageFromEnv({ LANG: 'fr_FR.UTF-8' })).toBe('fr-FR');
    expect(languageFromEnv({ HANGAR_LANG: 'en', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LANG: 'C' })).toBe('en');
  });

  it('maps API errors to exit codes', () => {
    expect(exitCodeForApiError('UNAUTHORIZED', 401)).toBe(77);
    expect(exitCodeForApiError('PARAMS_INVALID', 400)).toBe(65);
    expect(exitCodeForApiError('JOB_NOT_FOUND', 404)).toBe(1);
    expect(exitCodeForApiError('INTERNAL_ERROR', 500)).toBe(70);
  });

  it('formats tables and relative times', () => {
    expect(table(['A', 'BB'], [['xyz', 'q']])).toEqual(['A    BB', 'xyz  q']);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(relativeTime('2026-01-01T02:00:00Z', now)).toBe('in 2h');
    expect(relativeTime('2025-12-31T23:59:30Z', now)).toBe('30s ago');
  });
});

describe('parseCommand', () => {
  const options = {
    delay: { type: 'string' },
    priority: { type: 'string', short: 'p' },
    wait: { type: 'boolean' },
  } as const;

  it('takes a negative number as the value of a flag that takes one', () => {
    const { values, positionals } = parseCommand(['--priority', '-5', '-p', '-7', 'x', '--wait'], options);
    expect(values).toEqual({ priority: '-7', wait: true });
    expect(positionals).toEqual(['x']);
    expect(parseCommand(['--delay', '-5'], options).values.delay).toBe('-5');
  });

  it('leaves a negative number alone after -- and after a boolean flag', () => {
    expect(parseCommand(['--', '--delay', '-5'], options).positionals).toEqual(['--delay', '-5']);
    expect(() => parseCommand(['--wait', '-5'], options)).toThrow(/Unknown option '-5'/);
  });

  it('names the flag and the bound of a number out of range', () => {
    expect(() => intFlag('--delay', '-5', 0)).toThrow('The value of --delay must be at least 0, got -5');
    expect(() => intFlag('--port', '99999', 0, 65_535)).toThrow(
      'The value of --port must be at most 65535, got 99999',
    );
    expect(() => intFlag('--port', '12x', 0, 65_535)).toThrow('must be a whole number, got "12x"');
    expect(intFlag('--priority', '-3', -10)).toBe(-3);
  });
});

describe('formatJob', () => {
  const job: JobView = {
    id: '7',
    type: 'conso.integration',
    queue: 'default',
    state: 'Succeeded',
    priority: 0,
    attempts: 1,
    maxAttempts: 1,
    customerId: 'ACME',
    userId: 'jdoe',
    parentId: null,
    parents: [],
    cancelRequested: false,
    progress: null,
    warnings: [],
    errors: [],
    success: true,
    result: {
      consos: [],
      outcomes: [
        { item: '202312ACT001', outcome: 'done' },
        { item: '202312BUD001', outcome: 'failed', detail: 'BUNDLE_UNBALANCED' },
      ],
    },
    outputFiles: [],
    worker: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    runAt: '2026-01-01T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
  };

  it("prints a result's per-item outcomes as a table before the raw result", () => {
    const lines = formatJob(job);
    const at = lines.indexOf('Outcomes:');
    expect(lines.slice(at, at + 4)).toEqual([
      'Outcomes:',
      '  ITEM          OUTCOME  DETAIL',
      '  202312ACT001  done',
      '  202312BUD001  failed   BUNDLE_UNBALANCED',
    ]);
    expect(lines.indexOf('Result:')).toBeGreaterThan(at);
  });

  it('prints no outcome table for a result without outcomes, and tags entries that are not errors', () => {
    const lines = formatJob({
      ...job,
      state: 'Failed',
      result: { sum: 42 },
      errors: [
        {
          key: 'k1',
          params: {},
          text: 'Bundle unbalanced',
          code: 'BUNDLE_UNBALANCED',
          severity: 'error',
          source: 'B',
        },
        {
          key: 'k2',
          params: {},
          text: "Conso 'A' completed",
          code: 'CONSO_DONE',
          severity: 'info',
          source: 'A',
        },
      ],
    });
    expect(lines).not.toContain('Outcomes:');
    expect(lines).toContain('  BUNDLE_UNBALANCED: Bundle unbalanced [B]');
    expect(lines).toContain("  info CONSO_DONE: Conso 'A' completed [A]");
  });
});
