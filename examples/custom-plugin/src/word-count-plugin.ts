import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { defineJob, definePlugin, t } from '@hangar/core';
import { z } from 'zod';

/** Counts the words of a text file, streaming it, with progress by bytes read. */
export const wordCount = defineJob({
  type: 'example.word-count',
  params: z.object({ path: z.string().min(1, 'give the path of a text file') }),
  retry: { maxAttempts: 2 },
  timeoutMs: 60_000,
  create: () => ({
    async execute({ path }, ctx) {
      const { size } = await stat(path);
      let words = 0;
      let read = 0;
      let inWord = false;
      for await (const chunk of createReadStream(path, { signal: ctx.signal }) as AsyncIterable<Buffer>) {
        for (const byte of chunk) {
          const space = byte === 32 || byte === 10 || byte === 13 || byte === 9;
          if (!space && !inWord) words += 1;
          inWord = !space;
        }
        read += chunk.length;
        ctx.progress(t('example.wordCount.progress', { path }), { current: read, total: size });
      }
      return { words, bytes: size };
    },
  }),
});

/** The plugin: its jobs and the messages they emit. */
export default definePlugin({
  name: '@hangar/example-custom-plugin',
  jobs: [wordCount],
  messages: {
    en: { 'example.wordCount.progress': 'Counting words in {path}' },
    fr: { 'example.wordCount.progress': 'Comptage des mots de {path}' },
  },
});
