import { describe, expect, it } from 'vitest';
import { closeAll, enqueue, startApi, type TestApi, TOKENS } from '../http/test-fixtures.js';
import {
  browserSkipReason,
  callFromPage,
  listedJobIds,
  screenshot,
  useDashboardBrowser,
} from './browser-harness.js';

const skip = browserSkipReason('dashboard end-to-end tests');
const WAIT = { timeout: 60_000, interval: 100 };

async function enqueueId(api: TestApi, token: string, body: unknown): Promise<string> {
  const response = await enqueue(api, token, body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Waits until the job is in `state` (polling the queue). */
async function until(api: TestApi, id: string, state: string): Promise<void> {
  await expect.poll(async () => (await api.runner.client.get(id))?.state, WAIT).toBe(state);
}

const longJob = { type: 'test.steps', params: { count: 1000, delayMs: 150 } };

describe.skipIf(skip !== undefined)('dashboard in headless Chromium', { timeout: 240_000 }, () => {
  const { open, newPage } = useDashboardBrowser(closeAll);

  it('shows a long job moving live, cancels it from the page, and shows it Cancelled', async () => {
    const api = await startApi({ dashboard: true });
    const id = await enqueueId(api, TOKENS.acmeOperator, longJob);
    const page = await open(api, TOKENS.acmeOperator, `#/jobs/${id}`);
    const bar = page.getByTestId('progress');
    const value = async () => Number(await bar.getAttribute('value'));
    await expect.poll(value, WAIT).toBeGreaterThan(0);
    const first = await value();
    await expect.poll(value, WAIT).toBeGreaterThan(first);
    await expect.poll(() => page.getByTestId('messages').locator('li').count(), WAIT).toBeGreaterThan(1);
    await screenshot(page, 'job-running');

    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('[data-testid=job-state] [data-state=Cancelled]').waitFor();
    expect(await page.getByTestId('job-state').textContent()).toContain('Cancelled');
    expect((await api.runner.client.get(id))?.state).toBe('Cancelled');
    await expect.poll(() => page.getByTestId('live').textContent(), WAIT).toBe('Stream ended');
    expect(await page.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(false);
    await screenshot(page, 'job-cancelled');
  });

  it('retries a failed job from the page: the same job runs again', async () => {
    const api = await startApi({ dashboard: true });
    const id = await enqueueId(api, TOKENS.acmeOperator, { type: 'test.fail', params: {} });
    await until(api, id, 'Failed');
    expect((await api.runner.client.get(id))?.attempts).toBe(1);
    const page = await open(api, TOKENS.acmeOperator, `#/jobs/${id}`);
    await page.locator('[data-testid=job-state] [data-state=Failed]').waitFor();
    expect(await page.getByText('Ledger L1 does not exist').count()).toBeGreaterThan(0);
    await screenshot(page, 'job-failed');

    await page.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(async () => (await api.runner.client.get(id))?.attempts, WAIT).toBe(2);
    await page.getByText('2 of').waitFor();
  });

  it("shows a customer none of another customer's jobs; a forged call for one is 404", async () => {
    const api = await startApi({ dashboard: true });
    const acmeId = await enqueueId(api, TOKENS.acmeOperator, { type: 'math.add', params: { a: 1, b: 2 } });
    const globexId = await enqueueId(api, TOKENS.globexOperator, {
      type: 'math.add',
      params: { a: 3, b: 4 },
    });
    await until(api, acmeId, 'Succeeded');
    await until(api, globexId, 'Succeeded');

    const page = await open(api, TOKENS.globexOperator, '#/jobs');
    await page.locator(`tr[data-job-id="${globexId}"]`).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator(`tr[data-job-id="${acmeId}"]`).count()).toBe(0);
    await screenshot(page, 'jobs');

    expect(await callFromPage(page, 'GET', `jobs/${acmeId}`)).toBe(404);
    expect(await callFromPage(page, 'POST', `jobs/${acmeId}/cancel`)).toBe(404);
    expect(await callFromPage(page, 'GET', `dashboard/api/jobs/${acmeId}/params`)).toBe(404);
    expect(await callFromPage(page, 'GET', `jobs/${globexId}`)).toBe(200);

    await page.goto(`${api.url}/dashboard/#/jobs/${acmeId}`);
    await page.getByRole('status').filter({ hasText: 'JOB_NOT_FOUND' }).waitFor();
  });

  it('pages through the jobs: Next to the end, First back, and Filter back to the first page', async () => {
    const api = await startApi({ dashboard: true, defaultPageSize: 2 });
    const { queue } = api.runner.client;
    const ids: string[] = [];
    // On a queue no worker takes, so the list stays put while the test pages through it.
    for (let a = 0; a < 5; a += 1) {
      const { job } = await queue.enqueue({
        type: 'math.add',
        queue: 'held',
        params: { a, b: 1 },
        maxAttempts: 1,
        customerId: 'acme',
      });
      ids.push(job.id);
    }
    const page = await open(api, TOKENS.acmeOperator, '#/jobs');
    const next = page.getByRole('button', { name: 'Next page', exact: true });
    const first = page.getByRole('button', { name: 'First page', exact: true });
    const one = await listedJobIds(page);
    expect(one).toHaveLength(2);
    expect(await first.count()).toBe(0);
    await next.click();
    const two = await listedJobIds(page, one);
    await next.click();
    const three = await listedJobIds(page, two);
    expect([two.length, three.length]).toEqual([2, 1]);
    expect([...one, ...two, ...three].sort()).toEqual([...ids].sort());
    expect(await next.count()).toBe(0);
    await first.click();
    expect(await listedJobIds(page, three)).toEqual(one);
    await next.click();
    await listedJobIds(page, one);
    await page.getByRole('button', { name: 'Filter' }).click();
    expect(await listedJobIds(page, two)).toEqual(one);
  });

  it("lets an admin list one customer's jobs through the customer filter", async () => {
    const api = await startApi({ dashboard: true });
    const acmeId = await enqueueId(api, TOKENS.acmeOperator, { type: 'math.add', params: { a: 1, b: 2 } });
    const globexId = await enqueueId(api, TOKENS.globexOperator, {
      type: 'math.add',
      params: { a: 3, b: 4 },
    });
    const page = await open(api, TOKENS.admin, '#/jobs');
    await page.getByLabel('Customer (admins)').fill('globex');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.locator(`tr[data-job-id="${globexId}"]`).waitFor();
    expect(await page.locator(`tr[data-job-id="${acmeId}"]`).count()).toBe(0);
    await page.getByLabel('Customer (admins)').fill('acme');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.locator(`tr[data-job-id="${acmeId}"]`).waitFor();
    expect(await page.locator(`tr[data-job-id="${globexId}"]`).count()).toBe(0);
  });

  it('filters the jobs by user, and lists the children of a job, linked both ways', async () => {
    const api = await startApi({ dashboard: true });
    const parentId = await enqueueId(api, TOKENS.acmeOperator, { type: 'math.add', params: { a: 1, b: 2 } });
    await until(api, parentId, 'Succeeded');
    const { client } = api.runner;
    const child = await client.enqueue(
      'math.add',
      { a: 2, b: 3 },
      { customerId: 'acme', userId: 'bob', parentId },
    );
    const bobsOther = await client.enqueue('math.add', { a: 5, b: 5 }, { customerId: 'acme', userId: 'bob' });
    await until(api, child.id, 'Succeeded');

    const page = await open(api, TOKENS.acmeOperator, '#/jobs');
    await page.locator(`tr[data-job-id="${parentId}"]`).waitFor();
    await page.getByLabel('User', { exact: true }).fill('bob');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.locator(`tr[data-job-id="${parentId}"]`).count(), WAIT).toBe(0);
    await page.locator(`tr[data-job-id="${bobsOther.id}"]`).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(2);
    expect(await page.locator('tbody tr td:nth-child(6)').allTextContents()).toEqual(['bob', 'bob']);
    await screenshot(page, 'jobs-by-user');

    await page.goto(`${api.url}/dashboard/#/jobs/${parentId}`);
    const children = page.getByTestId('children');
    await children.locator(`tr[data-job-id="${child.id}"]`).waitFor();
    expect(await children.locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'job-children');
    await children.getByRole('link', { name: child.id }).click();
    await page.getByRole('heading', { name: `Job ${child.id}` }).waitFor();
    await page.getByTestId('children').getByText('Nothing to show').waitFor();
    await page.getByRole('link', { name: parentId, exact: true }).click();
    await page.getByRole('heading', { name: `Job ${parentId}` }).waitFor();

    // Another customer asking for the children of this job gets none.
    const forged = await api.call(`/jobs?parentId=${encodeURIComponent(parentId)}`, TOKENS.globexOperator);
    expect(((await forged.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('shows a viewer no cancel button, and the server refuses the call anyway (403)', async () => {
    const api = await startApi({ dashboard: true });
    const id = await enqueueId(api, TOKENS.acmeOperator, longJob);
    await until(api, id, 'Processing');

    const page = await open(api, TOKENS.acmeViewer, `#/jobs/${id}`);
    await page.locator('[data-testid=job-state] [data-state=Processing]').waitFor();
    expect(await page.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Retry' }).isVisible()).toBe(false);
    expect(await callFromPage(page, 'POST', `jobs/${id}/cancel`)).toBe(403);
    expect((await api.runner.client.get(id))?.state).toBe('Processing');

    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    await page.locator(`tr[data-job-id="${id}"]`).waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await api.runner.client.cancel(id);
  });

  it('cancels and deletes a selection of jobs from the list', async () => {
    const api = await startApi({ dashboard: true });
    const ids = [
      await enqueueId(api, TOKENS.acmeOperator, longJob),
      await enqueueId(api, TOKENS.acmeOperator, longJob),
    ];
    const page = await open(api, TOKENS.acmeOperator, '#/jobs');
    for (const id of ids) await page.getByRole('checkbox', { name: `Select job ${id}` }).check();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('status').textContent(), WAIT).toBe('Cancel: 2 done, 0 refused');
    for (const id of ids) await until(api, id, 'Cancelled');

    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('checkbox', { name: 'Select every job of this page' }).check();
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByTestId('status').textContent(), WAIT).toBe('Delete: 2 done, 0 refused');
    for (const id of ids) expect(await api.runner.client.get(id)).toBeUndefined();
  });

  it('counts jobs per state and queue, and pauses, resumes and triggers a schedule', async () => {
    const api = await startApi({ dashboard: true });
    const failedId = await enqueueId(api, TOKENS.acmeOperator, { type: 'test.fail', params: {} });
    await until(api, failedId, 'Failed');
    const put = await api.call('/schedules/nightly-report', TOKENS.acmeOperator, {
      method: 'PUT',
      body: JSON.stringify({
        cron: '0 2 * * *',
        timezone: 'Europe/Paris',
        type: 'math.add',
        params: { a: 1, b: 1 },
      }),
    });
    expect(put.status).toBe(201);

    const page = await open(api, TOKENS.acmeOperator, '#/overview');
    const failedCount = page.locator('[data-testid=state-counts] li[data-state=Failed] strong');
    await expect.poll(() => failedCount.textContent(), WAIT).toBe('1');
    await page.locator('tr[data-queue=default]').waitFor();
    await screenshot(page, 'overview');

    await page.getByRole('link', { name: 'Schedules' }).click();
    await page.getByRole('button', { name: 'Pause nightly-report' }).click();
    await page.getByRole('button', { name: 'Resume nightly-report' }).waitFor();
    expect((await api.runner.client.schedules.get('nightly-report'))?.paused).toBe(true);
    await page.getByRole('button', { name: 'Run now nightly-report' }).click();
    await page
      .getByTestId('status')
      .filter({ hasText: /Job .+ enqueued/ })
      .waitFor();
    await screenshot(page, 'schedules');
    await page.getByRole('button', { name: 'Resume nightly-report' }).click();
    await page.getByRole('button', { name: 'Pause nightly-report' }).waitFor();
    expect((await api.runner.client.schedules.get('nightly-report'))?.paused).toBe(false);
  });

  it('lists the event triggers under the schedules, and pauses and resumes one', async () => {
    const api = await startApi({ dashboard: true });
    const put = await api.call('/triggers/after-add', TOKENS.acmeOperator, {
      method: 'PUT',
      body: JSON.stringify({
        on: { type: 'test.fail', states: ['Failed'] },
        job: { type: 'math.add', params: { a: 1, b: 1 } },
      }),
    });
    expect(put.status).toBe(201);
    const page = await open(api, TOKENS.acmeOperator, '#/schedules');
    const row = page.locator('tr[data-trigger=after-add]');
    await expect.poll(() => row.textContent(), WAIT).toContain('test.fail: Failed');
    await page.getByRole('button', { name: 'Pause after-add' }).click();
    await page.getByRole('button', { name: 'Resume after-add' }).waitFor();
    expect((await api.runner.client.triggers.get('after-add'))?.paused).toBe(true);
    await page.getByRole('button', { name: 'Resume after-add' }).click();
    await page.getByRole('button', { name: 'Pause after-add' }).waitFor();
    expect((await api.runner.client.triggers.get('after-add'))?.paused).toBe(false);
    // Another customer sees none of them.
    const other = await open(api, TOKENS.globexOperator, '#/schedules');
    await other.getByRole('heading', { name: 'Event triggers' }).waitFor();
    expect(await other.locator('tr[data-trigger]').count()).toBe(0);
  });

  it('switches between English and French, and the API answers in the chosen language', async () => {
    const api = await startApi({ dashboard: true });
    const id = await enqueueId(api, TOKENS.acmeOperator, { type: 'test.fail', params: {} });
    await until(api, id, 'Failed');
    const page = await open(api, TOKENS.acmeOperator, `#/jobs/${id}`);
    await page.getByText('Ledger L1 does not exist').first().waitFor();

    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('link', { name: 'Tâches', exact: true }).waitFor();
    await page.getByText("Le grand livre L1 n'existe pas").first().waitFor();
    expect(await page.getByRole('button', { name: 'Relancer' }).isVisible()).toBe(true);
    expect(await page.evaluate('document.documentElement.lang')).toBe('fr');
    await screenshot(page, 'job-fr');

    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('link', { name: 'Jobs', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Tâches', exact: true }).count()).toBe(0);
  });

  it('works from the keyboard alone: sign in, go to the jobs, open one', async () => {
    const api = await startApi({ dashboard: true });
    const id = await enqueueId(api, TOKENS.acmeOperator, { type: 'math.add', params: { a: 1, b: 2 } });
    await until(api, id, 'Succeeded');
    const page = await newPage();
    await page.goto(`${api.url}/dashboard/`);
    await page.getByLabel('Bearer token').waitFor();
    // The token field has the focus when the page opens.
    await page.keyboard.type(TOKENS.acmeOperator);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').waitFor();
    const tabTo = async (text: string) => {
      for (let i = 0; i < 60; i += 1) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate('document.activeElement?.textContent')) === text) return;
      }
      throw new Error(`Tab never reached "${text}"`);
    };
    await tabTo('Jobs');
    await page.keyboard.press('Enter');
    await page.locator(`tr[data-job-id="${id}"]`).waitFor();
    await tabTo(id);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Job ${id}` }).waitFor();
    await page.locator('[data-testid=job-state] [data-state=Succeeded]').waitFor();
  });
});
