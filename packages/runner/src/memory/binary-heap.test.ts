import { describe, expect, it } from 'vitest';
import { BinaryHeap } from './binary-heap.js';

interface Item {
  key: number;
  seq: number;
}

const less = (a: Item, b: Item) => a.key < b.key || (a.key === b.key && a.seq < b.seq);

/** A small deterministic generator, so a failure can be replayed. */
function numbers(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

describe('BinaryHeap', () => {
  it('pops in order whatever the order of the pushes (in order, reversed, mixed, interleaved)', () => {
    const random = numbers(7);
    for (const shape of ['ascending', 'descending', 'random', 'mostly-ascending'] as const) {
      const heap = new BinaryHeap<Item>(less);
      const kept: Item[] = [];
      const popped: Item[] = [];
      let seq = 0;
      for (let step = 0; step < 600; step++) {
        if (random() < 0.35 && heap.size > 0) {
          const item = heap.pop();
          if (item) popped.push(item);
          continue;
        }
        const key =
          shape === 'ascending'
            ? step
            : shape === 'descending'
              ? -step
              : shape === 'random'
                ? Math.floor(random() * 100)
                : step - (random() < 0.1 ? 50 : 0);
        const item = { key, seq: seq++ };
        kept.push(item);
        heap.push(item);
        const smallest = kept.filter((k) => !popped.includes(k)).sort((a, b) => (less(a, b) ? -1 : 1))[0];
        expect(heap.peek()).toBe(smallest);
      }
      expect(heap.size).toBe(kept.length - popped.length);
      while (heap.size > 0) {
        const item = heap.pop();
        if (item) popped.push(item);
      }
      expect(heap.pop()).toBeUndefined();
      expect(heap.peek()).toBeUndefined();
      expect(popped).toHaveLength(kept.length);
      // Every pop returned the smallest item held at that moment: replay it against a sorted list.
      const held: Item[] = [];
      const replay = new BinaryHeap<Item>(less);
      for (const item of kept) replay.push(item);
      for (let i = 0; i < kept.length; i++) held.push(replay.pop() as Item);
      expect(held).toEqual([...kept].sort((a, b) => (less(a, b) ? -1 : 1)));
    }
  });
});
