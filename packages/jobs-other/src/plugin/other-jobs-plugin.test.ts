import { describe, expect, it } from 'vitest';
import plugin, {
  createOtherJobsPlugin,
  createOtherJobsPluginFromSettings,
  OTHER_JOBS_DEFAULTS,
  OtherJobsPlugin,
  otherJobsPlugin,
  otherJobsSettings,
} from '../index.js';

describe('the other-jobs plugin', () => {
  it('is the default export, with every job and the defaults', () => {
    expect(plugin).toBe(otherJobsPlugin);
    expect(plugin.jobs.map((job) => job.type)).toEqual([
      'other.validation-report',
      'other.email',
      'other.web-service',
      'other.flex-sheet',
      'other.di-studio',
    ]);
    expect(plugin.config).toMatchObject({
      balanceTolerance: OTHER_JOBS_DEFAULTS.balanceTolerance,
      smtp: OTHER_JOBS_DEFAULTS.smtp,
      sendAttempts: 3,
    });
    expect(Object.keys(plugin.config.emailTemplates)).toEqual(['report-ready', 'job-finished']);
  });

  it('refuses a wrong option with ConfigurationError naming it', () => {
    const wrong: [Parameters<typeof createOtherJobsPlugin>[0], string][] = [
      [{ balanceTolerance: -1 }, 'balanceTolerance'],
      [{ smtp: { port: 70_000 } }, 'smtp.port'],
      [{ smtp: { host: ' ' } }, 'smtp.host'],
      [{ smtp: { user: 'jane' } }, 'smtp.password'],
      [{ sendAttempts: 0 }, 'sendAttempts'],
      [{ sendRetryDelayMs: 1.5 }, 'sendRetryDelayMs'],
      [{ maxRecipients: 0 }, 'maxRecipients'],
      [{ webService: { timeoutMs: 0 } }, 'webService.timeoutMs'],
      [{ webService: { allowList: [{ url: 'ftp://x.test/' }] } }, 'webService.allowList.0.url'],
      [{ webService: { allowList: [{ url: 'https://x.test/?a=1' }] } }, 'webService.allowList.0.url'],
      [
        { webService: { allowList: [{ url: 'https://x.test/', headers: { authorization: 'missing' } }] } },
        'webService.allowList.0.headers.authorization',
      ],
      [
        { emailTemplates: { close: { subject: 'acme.missing', text: 'other.email.jobFinished.text' } } },
        'emailTemplates.close.subject',
      ],
    ];
    for (const [options, option] of wrong) {
      expect(() => createOtherJobsPlugin(options), option).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID', params: expect.objectContaining({ option }) }),
      );
    }
  });

  it('accepts templates whose keys come with the messages option', () => {
    const built = new OtherJobsPlugin({
      messages: { en: { 'acme.s': 'Hi {name}', 'acme.t': 'Hello {name}' }, de: { 'acme.s': 'Hallo {name}' } },
      emailTemplates: { hello: { subject: 'acme.s', text: 'acme.t' } },
    });
    expect(built.config.emailTemplates.hello).toEqual({ subject: 'acme.s', text: 'acme.t' });
    expect(built.translator.render({ key: 'acme.s', params: { name: 'Jo' } }, 'de')).toBe('Hallo Jo');
    expect(built.messages.de?.['acme.s']).toBe('Hallo {name}');
  });

  it('is built from settings a configuration file holds, which are checked first', () => {
    const settings = otherJobsSettings.parse({
      filesDir: '/tmp/reports',
      smtp: { host: 'mail.internal', port: 2525, from: 'hangar@acme.test' },
      sendAttempts: 2,
    });
    const built = createOtherJobsPluginFromSettings(settings);
    expect(built.config.smtp).toMatchObject({ host: 'mail.internal', port: 2525, from: 'hangar@acme.test' });
    expect(built.config.sendAttempts).toBe(2);
    const bad = otherJobsSettings.safeParse({ smtp: { port: 'x' }, unknown: 1 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['', 'smtp.port']);
  });
});
