import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServiceToken, defineJob, definePlugin, definePluginSettings } from '@hangar/core';
import { z } from 'zod';

/** What the settings of the test plugin build: a greeting and the directory it was resolved in. */
interface Greeter {
  greeting: string;
  dir: string;
}

const greeterToken = createServiceToken<Greeter>('test.greeter');

const greet = defineJob({
  type: 'test.greet',
  params: z.object({ who: z.string().min(1) }),
  create: (services) => ({
    async execute(p: { who: string }) {
      const greeter = services.get(greeterToken);
      return { text: `${greeter.greeting}, ${p.who}`, dir: greeter.dir };
    },
  }),
});

/**
 * A plugin whose service comes from its settings, for the `serve` tests: `greeting` is required,
 * `dir` is read relative to the config file, and stopping the host writes `disposed.txt` there
 * (through a shared resource) so a test can see that what the settings opened was released.
 */
export default definePlugin({
  name: 'test-settings-plugin',
  jobs: [greet],
  settings: definePluginSettings({
    schema: z.strictObject({ greeting: z.string().min(1), dir: z.string().min(1).default('.') }),
    async build(settings, context) {
      const dir = join(context.baseDir, settings.dir);
      const greeter = await context.shared(`greeter:${dir}`, async () => ({
        value: { greeting: settings.greeting, dir },
        dispose: () => writeFile(join(dir, 'disposed.txt'), 'disposed'),
      }));
      return { services: [{ token: greeterToken, value: greeter }] };
    },
  }),
});
