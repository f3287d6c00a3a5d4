import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeAll, startApi, TOKENS } from '../http/test-fixtures.js';
import { accessibilityProblems } from './accessibility-check.js';
import {
  browserSkipReason,
  callFromPage,
  listedJobIds,
  screenshot,
  useDashboardBrowser,
} from './browser-harness.js';
import { failedWorkflow, workflowFixturePlugin } from './failed-workflow-fixture.js';
import { WORKFLOW_JOB_TYPE } from './workflow-job-type.js';

const skip = browserSkipReason('workflow page end-to-end tests');
const WAIT = { timeout: 60_000, interval: 100 };

/** The states the graph shows, by step. */
async function shownStates(page: Page): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const node of await page.locator('[data-testid=workflow-graph] li[data-step]').all()) {
    out[(await node.getAttribute('data-step')) ?? ''] = await node.getAttribute('data-state');
  }
  return out;
}

describe.skipIf(skip !== undefined)('workflow page in headless Chromium', { timeout: 240_000 }, () => {
  const { open } = useDashboardBrowser(closeAll);
  const start = () => startApi({ dashboard: true }, undefined, undefined, [workflowFixturePlugin]);

  it('draws a failed workflow, retries its failed step from the keyboard, and follows the graph as it changes', async () => {
    const api = await start();
    const { id, ledgerId } = await failedWorkflow(api);

    // Reached from the Workflows list.
    const page = await open(api, TOKENS.acmeOperator, '#/overview');
    await page.getByRole('link', { name: 'Workflows', exact: true }).click();
    await page.locator(`tr[data-job-id="${id}"]`).getByRole('link', { name: id }).click();
    await page.getByRole('heading', { name: `Workflow ${id}` }).waitFor();
    await expect
      .poll(() => shownStates(page), WAIT)
      .toEqual({ rates: 'Succeeded', ledger: 'Failed', sum: 'Skipped', report: 'Skipped' });
    await page.locator('[data-testid=workflow-state] [data-state=Failed]').waitFor();
    expect(await page.getByTestId('workflow-done').textContent()).toBe('4 of 4 steps ended');

    // States in words, not colour alone; dependencies in words and as labelled edges.
    const ledger = page.getByTestId('step-ledger');
    expect(await ledger.textContent()).toContain('Failed');
    expect(await page.getByTestId('step-sum').textContent()).toContain(
      'Runs after rates, ledger if they succeed',
    );
    expect(await page.getByTestId('step-report').textContent()).toContain('Runs after sum if it succeeds');
    expect(await page.getByTestId('step-report').textContent()).toContain('Only when sum.sum > 0');
    expect(await page.getByTestId('step-rates').textContent()).toContain('Starts with the workflow');
    expect(await page.locator('svg.wf-edges path.wf-edge').count()).toBe(3);
    expect(await page.locator('svg.wf-edges text').allTextContents()).toEqual([
      'on success',
      'on success',
      'on success',
    ]);
    expect(await ledger.getByRole('link', { name: `Job ${ledgerId}` }).getAttribute('href')).toBe(
      `#/jobs/${ledgerId}`,
    );
    // Only the failed step can be retried, and a workflow that has ended cannot be cancelled.
    expect(await page.getByRole('button', { name: /^Retry step/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Cancel workflow' }).isVisible()).toBe(false);
    await screenshot(page, 'workflow-failed');

    // Keyboard only: Tab to the button, Enter.
    await page.getByRole('heading', { name: `Workflow ${id}` }).click();
    for (let i = 0; ; i += 1) {
      if (i === 60) throw new Error('Tab never reached "Retry step ledger"');
      await page.keyboard.press('Tab');
      if ((await page.evaluate('document.activeElement?.textContent')) === 'Retry step ledger') break;
    }
    await page.keyboard.press('Enter');
    await expect
      .poll(() => shownStates(page), WAIT)
      .toEqual({ rates: 'Succeeded', ledger: 'Succeeded', sum: 'Waiting', report: 'Waiting' });
    await page.locator('[data-testid=workflow-state] [data-state=Enqueued]').waitFor();
    expect(await api.runner.client.get(ledgerId)).toMatchObject({ state: 'Succeeded', attempts: 2 });
    expect((await api.runner.client.get(id))?.state).toBe('Enqueued');
    expect(await page.getByRole('button', { name: /^Retry step/ }).count()).toBe(0);
    await screenshot(page, 'workflow-retried');

    // Running again: it can be cancelled, and the graph shows it.
    await page.getByRole('button', { name: 'Cancel workflow' }).click();
    await page.locator('[data-testid=workflow-state] [data-state=Cancelled]').waitFor();
    await expect
      .poll(() => shownStates(page), WAIT)
      .toEqual({ rates: 'Succeeded', ledger: 'Succeeded', sum: 'Skipped', report: 'Skipped' });
    expect((await api.runner.client.get(id))?.state).toBe('Cancelled');

    // The workflow job's page links to the graph.
    await page.getByRole('link', { name: id, exact: true }).click();
    await page.getByRole('heading', { name: `Job ${id}` }).waitFor();
    await page.getByRole('link', { name: 'Graph of the steps' }).click();
    await page.getByRole('heading', { name: `Workflow ${id}` }).waitFor();
  });

  it('shows a viewer no buttons; the server refuses forged calls, and another customer finds nothing', async () => {
    const api = await start();
    const { id, ledgerId } = await failedWorkflow(api);
    const page = await open(api, TOKENS.acmeViewer, `#/workflows/${id}`);
    await expect.poll(() => shownStates(page), WAIT).toMatchObject({ ledger: 'Failed' });
    expect(await page.getByRole('button', { name: /^Retry step/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancel workflow' }).isVisible()).toBe(false);
    expect(await callFromPage(page, 'POST', `workflows/${id}/steps/ledger/retry`)).toBe(403);
    expect(await callFromPage(page, 'POST', `workflows/${id}/cancel`)).toBe(403);
    expect(await api.runner.client.get(ledgerId)).toMatchObject({ state: 'Failed', attempts: 1 });
    expect((await api.runner.client.get(id))?.state).toBe('Failed');

    const other = await open(api, TOKENS.globexOperator, `#/workflows/${id}`);
    await other.getByRole('status').filter({ hasText: 'JOB_NOT_FOUND' }).waitFor();
    expect(await callFromPage(other, 'POST', `workflows/${id}/steps/ledger/retry`)).toBe(404);
    expect((await api.runner.client.get(ledgerId))?.attempts).toBe(1);
    await other.getByRole('link', { name: 'Workflows', exact: true }).click();
    await other.getByRole('heading', { name: 'Workflows' }).waitFor();
    await other.getByText('Nothing to show').waitFor();
  });

  it('meets the contrast and naming rules on the graph and the lists, and the check catches a breach', async () => {
    const api = await start();
    const { id } = await failedWorkflow(api);
    const page = await open(api, TOKENS.acmeOperator, `#/workflows/${id}`);
    await page.getByRole('button', { name: 'Retry step ledger' }).waitFor();
    await page.locator('svg.wf-edges path.wf-edge').first().waitFor();
    expect(await accessibilityProblems(page, 'body')).toEqual([]);
    await page.getByRole('navigation').getByRole('link', { name: 'Workflows', exact: true }).click();
    await page.locator(`tr[data-job-id="${id}"]`).waitFor();
    expect(await accessibilityProblems(page, 'body')).toEqual([]);

    // The same check fails on a pale step title and on a button without a name.
    await page.goBack();
    await page.getByRole('button', { name: 'Retry step ledger' }).waitFor();
    await page.evaluate(`(() => {
      document.querySelector('[data-testid=step-sum] h4').style.color = '#b0b0b0';
      document.querySelector('[data-testid=step-ledger] button').textContent = '';
    })()`);
    const problems = await accessibilityProblems(page, 'body');
    expect(problems.some((p) => /^h4 "sum": text contrast/.test(p))).toBe(true);
    expect(problems.some((p) => /^button "": no accessible name/.test(p))).toBe(true);
  });

  it('pages through the Workflows list with the pager of the jobs list', async () => {
    const api = await startApi({ dashboard: true, defaultPageSize: 2 }, undefined, undefined, [
      workflowFixturePlugin,
    ]);
    const ids: string[] = [];
    // Workflow jobs on a queue no worker takes: listed, never started.
    for (const name of ['one', 'two', 'three']) {
      const { job } = await api.runner.client.queue.enqueue({
        type: WORKFLOW_JOB_TYPE,
        queue: 'held',
        params: { name, steps: [] },
        maxAttempts: 1,
        customerId: 'acme',
      });
      ids.push(job.id);
    }
    const page = await open(api, TOKENS.acmeOperator, '#/workflows');
    const next = page.getByRole('button', { name: 'Next page', exact: true });
    const one = await listedJobIds(page);
    expect(await page.getByRole('button', { name: 'First page', exact: true }).count()).toBe(0);
    await next.click();
    const two = await listedJobIds(page, one);
    expect([one.length, two.length]).toEqual([2, 1]);
    expect([...one, ...two].sort()).toEqual([...ids].sort());
    expect(await next.count()).toBe(0);
    await page.getByRole('button', { name: 'First page', exact: true }).click();
    expect(await listedJobIds(page, two)).toEqual(one);
  });

  it('draws the graph in French from the same catalogs', async () => {
    const api = await start();
    const { id } = await failedWorkflow(api);
    const page = await open(api, TOKENS.acmeOperator, `#/workflows/${id}`);
    await page.getByTestId('step-ledger').getByRole('button').waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: `Enchaînement ${id}` }).waitFor();
    await page.getByRole('button', { name: "Relancer l'étape ledger" }).waitFor();
    expect(await page.getByTestId('step-sum').textContent()).toContain(
      "S'exécute après rates, ledger si elles réussissent",
    );
    expect(await page.getByTestId('step-sum').textContent()).toContain('Sautée');
    expect(await page.locator('svg.wf-edges text').first().textContent()).toBe('si réussite');
    await screenshot(page, 'workflow-fr');
  });
});
