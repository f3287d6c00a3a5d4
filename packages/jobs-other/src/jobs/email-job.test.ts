import { afterEach, describe, expect, it } from 'vitest';
import { openRunnerFixture, type RunnerFixture } from '../testing/runner-fixture.js';
import {
  decodeMime,
  type SmtpTestBehaviour,
  type SmtpTestServer,
  startSmtpTestServer,
} from '../testing/smtp-test-server.js';
import type { EmailResult } from './email-job.js';

const open: { fx?: RunnerFixture; smtp?: SmtpTestServer }[] = [];

/** A real SMTP server on loopback and a runner whose plugin sends through it. */
async function setup(behaviour: SmtpTestBehaviour = {}) {
  const smtp = await startSmtpTestServer(behaviour);
  const fx = await openRunnerFixture('sqlite', {
    smtp: {
      port: smtp.port,
      from: 'reports@hangar.test',
      connectionTimeoutMs: 5_000,
      socketTimeoutMs: 20_000,
    },
    sendRetryDelayMs: 10,
    messages: {
      en: { 'acme.close.subject': 'Closing {period}', 'acme.close.text': 'Closing {period} is <done>.' },
      fr: { 'acme.close.subject': 'Clôture {period}', 'acme.close.text': 'La clôture {period} est <faite>.' },
    },
    emailTemplates: { close: { subject: 'acme.close.subject', text: 'acme.close.text' } },
  });
  open.push({ fx, smtp });
  return { fx, smtp };
}

afterEach(async () => {
  for (const { fx, smtp } of open.splice(0)) {
    await fx?.close();
    await smtp?.close();
  }
});

const email = (fx: RunnerFixture, params: Record<string, unknown>, maxAttempts?: number) =>
  fx.run('other.email', params, {
    customerId: 'DEMO',
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  });

describe('EmailJob against a real SMTP server on loopback', () => {
  it("sends each recipient the template in their language, with another job's report attached", async () => {
    const { fx, smtp } = await setup();
    const report = await fx.run('other.validation-report', { conso: '202312ACT001' }, { customerId: 'DEMO' });
    expect(report.state).toBe('Succeeded');
    const job = await email(fx, {
      template: 'report-ready',
      params: { name: 'validation <2023>' },
      to: [
        { address: 'jane@acme.test', name: 'Jane', language: 'en' },
        { address: 'jean@acme.test', language: 'fr-FR' },
      ],
      attachments: [{ job: report.id, file: 'validation-202312ACT001.xlsx' }],
    });
    expect(job.state, JSON.stringify(job.errorInfo)).toBe('Succeeded');
    const result = job.result?.result as EmailResult;
    expect(result).toMatchObject({ sent: 2, refused: 0, failed: 0 });
    expect(result.recipients.map((r) => [r.address, r.language, r.status, r.attempts])).toEqual([
      ['jane@acme.test', 'en', 'sent', 1],
      ['jean@acme.test', 'fr-FR', 'sent', 1],
    ]);
    expect(smtp.received.map((m) => [m.from, m.to])).toEqual([
      ['reports@hangar.test', ['jane@acme.test']],
      ['reports@hangar.test', ['jean@acme.test']],
    ]);
    const [en, fr] = smtp.received.map((m) => decodeMime(m.raw));
    expect(en).toContain('Subject: Your report validation <2023> is ready');
    expect(en).toContain('your report validation <2023> is attached.');
    // The HTML body escapes the parameters.
    expect(en).toContain('<strong>validation &lt;2023&gt;</strong>');
    expect(en).toContain('filename=validation-202312ACT001.xlsx');
    expect(fr).toContain('Subject: Votre rapport validation <2023> est prêt');
    expect(fr).toContain('votre rapport validation <2023> est en pièce jointe.');
    // The attachment is the report's bytes.
    const attached = smtp.received[0]!.raw.split('filename=validation-202312ACT001.xlsx')[1]!;
    const base64 = attached
      .split(/\r?\n\r?\n/)[1]!
      .split(/\r?\n--/)[0]!
      .replace(/\s/g, '');
    const stored = await import('node:fs/promises').then((fs) =>
      fs.readFile(fx.store.pathOf(report.result!.outputFiles![0]!.location)),
    );
    expect(Buffer.from(base64, 'base64').equals(stored)).toBe(true);
  });

  it('renders a template of the settings with a text-only body as escaped HTML paragraphs', async () => {
    const { fx, smtp } = await setup();
    const job = await email(fx, {
      template: 'close',
      params: { period: '202312' },
      to: [{ address: 'jean@acme.test', language: 'fr' }],
    });
    expect(job.state).toBe('Succeeded');
    const raw = decodeMime(smtp.received[0]!.raw);
    expect(raw).toContain('Subject: Clôture 202312');
    expect(raw).toContain('La clôture 202312 est <faite>.');
    expect(raw).toContain('<p>La clôture 202312 est &lt;faite&gt;.</p>');
  });

  it('records a refused recipient (550) and sends to the others, without retrying it', async () => {
    const { fx, smtp } = await setup({
      rcptCode: (address) => (address === 'gone@acme.test' ? 550 : undefined),
    });
    const job = await email(fx, {
      template: 'job-finished',
      params: { job: '42', state: 'Succeeded' },
      to: [{ address: 'gone@acme.test' }, { address: 'jane@acme.test' }],
    });
    expect(job.state).toBe('Succeeded');
    const result = job.result?.result as EmailResult;
    expect(result.recipients.map((r) => [r.address, r.status, r.attempts])).toEqual([
      ['gone@acme.test', 'refused', 1],
      ['jane@acme.test', 'sent', 1],
    ]);
    expect(result.recipients[0]).toMatchObject({ responseCode: 550 });
    expect(smtp.received.map((m) => m.to)).toEqual([['jane@acme.test']]);
    expect(job.result?.warnings?.map((w) => w.key)).toEqual(['other.warning.recipient.refused']);
  });

  it('fails at once, without retries, when every recipient is refused', async () => {
    const { fx, smtp } = await setup({ rcptCode: () => 550 });
    const job = await email(fx, {
      template: 'job-finished',
      params: { job: '42', state: 'Failed' },
      to: [{ address: 'a@acme.test' }, { address: 'b@acme.test' }],
    });
    expect(job.state).toBe('Failed');
    expect(job.attempts).toBe(1);
    expect(job.errorInfo?.[0]).toMatchObject({ code: 'OTHER_EMAIL_REJECTED', params: { recipients: 2 } });
    expect(smtp.received).toEqual([]);
  });

  it('retries a recipient after a 451 reply and after a dropped connection', async () => {
    const { fx, smtp } = await setup({
      rcptCode: (address, attempt) => (address === 'busy@acme.test' && attempt === 1 ? 451 : undefined),
      dropOnData: (n) => n === 2,
    });
    const job = await email(fx, {
      template: 'job-finished',
      params: { job: '7', state: 'Succeeded' },
      to: [{ address: 'busy@acme.test' }, { address: 'jane@acme.test' }],
    });
    expect(job.state, JSON.stringify(job.errorInfo)).toBe('Succeeded');
    const result = job.result?.result as EmailResult;
    // busy: 451 on the first RCPT, sent on the second try; jane: her first DATA dropped, sent on the second.
    expect(result.recipients.map((r) => [r.address, r.status, r.attempts])).toEqual([
      ['busy@acme.test', 'sent', 2],
      ['jane@acme.test', 'sent', 2],
    ]);
    expect(smtp.received.map((m) => m.to)).toEqual([['busy@acme.test'], ['jane@acme.test']]);
  });

  it('fails as retryable when the server keeps dropping the connection, and the job retries', async () => {
    const { fx, smtp } = await setup({ dropOnData: () => true });
    const job = await email(
      fx,
      { template: 'job-finished', params: {}, to: [{ address: 'a@acme.test' }] },
      2,
    );
    expect(job.state).toBe('Failed');
    expect(job.attempts).toBe(2);
    expect(job.errorInfo?.[0]).toMatchObject({ code: 'OTHER_EMAIL_UNAVAILABLE' });
    // Three tries per attempt (the default), two attempts.
    expect(smtp.dataCount()).toBe(6);
    expect(smtp.received).toEqual([]);
  });

  it('is cancelled while the server holds the message, closing the connection', async () => {
    const { fx, smtp } = await setup({ stallOnData: () => true });
    const { id } = await fx.runner.client.enqueue(
      'other.email',
      { template: 'job-finished', params: {}, to: [{ address: 'a@acme.test' }] },
      { customerId: 'DEMO' },
    );
    for (let i = 0; i < 2_000 && smtp.dataCount() === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(smtp.dataCount()).toBe(1);
    await fx.runner.client.cancel(id);
    const job = await fx.runner.client.waitFor(id, { pollMs: 20 });
    expect(job.state).toBe('Cancelled');
    expect(smtp.received).toEqual([]);
  });

  it('refuses bad input before sending anything, naming the field', async () => {
    const { fx, smtp } = await setup();
    const other = await fx.run('other.validation-report', { conso: '202312ACT001' });
    expect(other.state).toBe('Succeeded');
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ template: 'nope' }, { code: 'OTHER_PARAM_INVALID', params: { param: 'template' } }],
      [
        { attachments: [{ job: 'no-such-job', file: 'x.xlsx' }] },
        { code: 'OTHER_ATTACHMENT_NOT_FOUND', params: { param: 'attachments.0.job' } },
      ],
      // A system job's file is not the tenant's.
      [
        { attachments: [{ job: other.id, file: 'validation-202312ACT001.xlsx' }] },
        { code: 'TENANT_MISMATCH', params: { param: 'attachments.0.job' } },
      ],
      [{ customer: 'OTHER' }, { code: 'TENANT_MISMATCH', params: { param: 'customer' } }],
    ];
    for (const [change, expected] of cases) {
      const job = await email(fx, { template: 'job-finished', to: [{ address: 'a@acme.test' }], ...change });
      expect(job.state).toBe('Failed');
      expect(job.attempts).toBe(1);
      expect(job.errorInfo?.[0]).toMatchObject(expected);
    }
    const mine = await fx.run('other.validation-report', { conso: '202312ACT001' }, { customerId: 'DEMO' });
    const missing = await email(fx, {
      template: 'job-finished',
      to: [{ address: 'a@acme.test' }],
      attachments: [{ job: mine.id, file: 'other.xlsx' }],
    });
    expect(missing.errorInfo?.[0]).toMatchObject({ params: { param: 'attachments.0.file' } });
    await expect(
      fx.runner.client.enqueue('other.email', {
        template: 'job-finished',
        to: [{ address: 'not an address' }],
      }),
    ).rejects.toMatchObject({ code: 'PARAMS_INVALID' });
    expect(smtp.dataCount()).toBe(0);
  });
});
