import { describe, expect, it } from 'vitest';
import { CallBatcher } from './call-batcher.js';

function recorder(options: { maxBatch?: number; maxInFlight?: number; key?: (n: number) => string } = {}) {
  const batches: number[][] = [];
  let release: (() => void) | undefined;
  let gate: Promise<void> = Promise.resolve();
  const batcher = new CallBatcher<number, number>({
    maxBatch: options.maxBatch ?? 100,
    maxInFlight: options.maxInFlight ?? 1,
    defer: setImmediate,
    ...(options.key ? { key: options.key } : {}),
    send: async (batch) => {
      batches.push([...batch]);
      await gate;
      return batch.map((n) => n * 10);
    },
  });
  return {
    batcher,
    batches,
    hold: () => {
      gate = new Promise((r) => {
        release = r;
      });
    },
    release: () => release?.(),
  };
}

describe('CallBatcher', () => {
  it('sends the calls of one turn as one batch and resolves each with its own result', async () => {
    const { batcher, batches } = recorder();
    const results = await Promise.all([1, 2, 3].map((n) => batcher.add(n)));
    expect(batches).toEqual([[1, 2, 3]]);
    expect(results).toEqual([10, 20, 30]);
  });

  it('holds calls made while a batch is on its way for the next one, and splits at maxBatch', async () => {
    const r = recorder({ maxBatch: 2 });
    r.hold();
    const first = r.batcher.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [2, 3, 4].map((n) => r.batcher.add(n));
    r.release();
    await Promise.all([first, ...rest]);
    expect(r.batches).toEqual([[1], [2, 3], [4]]);
  });

  it('never puts two items with one key in one batch', async () => {
    const { batcher, batches } = recorder({ key: (n) => String(n % 2) });
    await Promise.all([1, 3, 2].map((n) => batcher.add(n)));
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('rejects every call of a failed batch, and drain waits for batches in flight', async () => {
    const batcher = new CallBatcher<number, number>({
      maxBatch: 10,
      maxInFlight: 1,
      defer: process.nextTick,
      send: async () => {
        throw new Error('store down');
      },
    });
    const calls = [batcher.add(1), batcher.add(2)].map((p) => p.catch((e: Error) => e.message));
    await batcher.drain();
    expect(await Promise.all(calls)).toEqual(['store down', 'store down']);
  });
});
