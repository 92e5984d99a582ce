import * as assert from 'node:assert/strict';
import type { MetricsResult } from '../../src/core/metrics/result';
import { gitOk, loaded, metrics, state } from './fixtures';
import { PanelPage } from './harness/panelPage';

/** A monorepo's result: releases of three packages in the window, measured for the whole repository or one. */
function monorepo(measured?: string, from: 'setting' | 'config' = 'setting'): MetricsResult {
  const base = metrics();
  return {
    ...base,
    deployments: {
      ...base.deployments,
      packages: [
        { name: '@acme/api', deployments: 4 },
        { name: '@acme/web', deployments: 9 },
        { name: 'cli', deployments: 1 },
      ],
      ...(measured ? { package: { name: measured, paths: ['packages/web'], pathsFrom: 'manifest' as const } } : {}),
    },
    ...(measured
      ? { settings: { configFile: '.dora/config.yaml', choices: { package: { value: measured, from } } } }
      : {}),
  };
}

describe("the metrics tab's package picker", () => {
  let panel: PanelPage | undefined;
  afterEach(async () => {
    await panel?.close();
    panel = undefined;
  });

  async function openMetrics(result: MetricsResult): Promise<PanelPage> {
    const page = await PanelPage.open({ state: state(loaded(), gitOk(result)) });
    await page.page.getByRole('tab', { name: /metrics/i }).click();
    return page;
  }

  it('measures one package when it is chosen, and the whole repository again', async () => {
    panel = await openMetrics(monorepo());
    const picker = panel.page.locator('vscode-single-select[aria-label="Package to measure"]');
    assert.equal(await picker.evaluate((el) => (el as HTMLSelectElement).value), '');
    await picker.evaluate((el) => {
      (el as HTMLSelectElement).value = '@acme/web';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    assert.deepEqual(await panel.nextPosted('choosePackage'), { type: 'choosePackage', package: '@acme/web' });

    await panel.close();
    panel = await openMetrics(monorepo('@acme/web'));
    const again = panel.page.locator('vscode-single-select[aria-label="Package to measure"]');
    assert.equal(await again.evaluate((el) => (el as HTMLSelectElement).value), '@acme/web');
    await again.evaluate((el) => {
      (el as HTMLSelectElement).value = '';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    assert.deepEqual(await panel.nextPosted('choosePackage'), { type: 'choosePackage', package: null });
  });

  it('says the team configuration chose the package, and offers no picker', async () => {
    panel = await openMetrics(monorepo('@acme/api', 'config'));
    assert.equal(await panel.page.locator('vscode-single-select').count(), 0);
    assert.match((await panel.page.locator('.package-picker').textContent()) ?? '', /@acme\/api, set by package: in/);
  });

  describe('when the package chosen here has no release tags any more', () => {
    const unavailable = (packages: string[]) =>
      state(loaded(), {
        kind: 'unavailable',
        reason:
          'The package "@acme/old", chosen in this panel, has no release tags in this repository, so git was not measured. Choose another package, or measure the whole repository.',
        packageChoice: { chosen: '@acme/old', packages },
      });

    async function openUnavailable(packages: string[]): Promise<PanelPage> {
      const page = await PanelPage.open({ state: unavailable(packages) });
      await page.page.getByRole('tab', { name: /metrics/i }).click();
      return page;
    }

    it('says so, and measures the whole repository at one click', async () => {
      panel = await openUnavailable(['@acme/api', '@acme/web']);
      assert.match((await panel.page.locator('.message').textContent()) ?? '', /"@acme\/old", chosen in this panel/);
      await panel.page.getByRole('button', { name: 'Measure the whole repository' }).click();
      assert.deepEqual(await panel.nextPosted('choosePackage'), { type: 'choosePackage', package: null });
    });

    it('offers the packages that have release tags instead', async () => {
      panel = await openUnavailable(['@acme/api', '@acme/web']);
      const picker = panel.page.locator('vscode-single-select[aria-label="Package to measure"]');
      assert.deepEqual(await picker.locator('vscode-option').allTextContents(), [
        'Choose a package…',
        '@acme/api',
        '@acme/web',
      ]);
      await picker.evaluate((el) => {
        (el as HTMLSelectElement).value = '@acme/api';
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
      assert.deepEqual(await panel.nextPosted('choosePackage'), { type: 'choosePackage', package: '@acme/api' });
    });

    it('offers only the whole repository when no tag names a package', async () => {
      panel = await openUnavailable([]);
      assert.equal(await panel.page.locator('vscode-single-select').count(), 0);
      assert.equal(await panel.page.getByRole('button', { name: 'Measure the whole repository' }).count(), 1);
    });
  });

  it('offers no way back for other reasons git is unavailable', async () => {
    panel = await PanelPage.open({ state: state(loaded(), { kind: 'unavailable', reason: 'git is not installed' }) });
    await panel.page.getByRole('tab', { name: /metrics/i }).click();
    assert.equal(await panel.page.locator('.package-recovery').count(), 0);
  });

  it('is not shown for a repository with one package or none', async () => {
    panel = await openMetrics(metrics());
    assert.equal(await panel.page.locator('.package-picker').count(), 0);
  });
});
