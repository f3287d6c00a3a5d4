import { defineJob } from '@hangar/core';
import { z } from 'zod';

/** A job whose schema input differs from its output: `times` has a default, `text` is trimmed. */
export const repeatJob = defineJob({
  type: 'typed.repeat',
  params: z.object({ text: z.string().trim(), times: z.number().int().min(1).default(2) }),
  create: () => ({
    async execute({ text, times }) {
      return { text: text.repeat(times), length: text.length * times };
    },
  }),
});
