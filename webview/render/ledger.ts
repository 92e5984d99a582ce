import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { LedgerCommit, LedgerDeployment, LedgerExcluded, LedgerList } from '../../src/core/explain/schema';
import { formatDuration, plural } from '../../src/core/vocabulary/format';
import type { LedgerShown } from '../ledgerState';
import type { PanelActions } from './actions';
import { histogramChart, timelineChart } from './ledgerCharts';

const TITLES: Record<LedgerList, string> = {
  deployments: 'Deployments in the window',
  'lead-time': 'Commits by lead time',
  failures: 'Failed and fix deployments',
  excluded: 'Commits left out of lead time',
};

/**
 * What a git figure is made of: its deployments or commits, newest evidence first, each commit one click
 * from its diff. Every text here (subjects, authors, tags) is the repository's: lit renders it as text.
 */
export function ledgerView(shown: Exclude<LedgerShown, { kind: 'closed' }>, actions: PanelActions): TemplateResult {
  const { request } = shown;
  const title =
    request.deployment === undefined ? TITLES[request.list] : `Commits shipped by deployment ${request.deployment + 1}`;
  return html`<section class="ledger" aria-labelledby="ledger-title">
    <div class="metrics-head">
      <vscode-button secondary icon="arrow-left" @click=${() => actions.closeLedger()}>All figures</vscode-button>
      <h3 id="ledger-title">${title}</h3>
    </div>
    ${content(shown, actions)}
  </section>`;
}

function content(shown: Exclude<LedgerShown, { kind: 'closed' }>, actions: PanelActions): TemplateResult {
  switch (shown.kind) {
    case 'loading':
      return html`<p class="muted loading-line">
        <vscode-progress-ring aria-label="Loading"></vscode-progress-ring> Loading…
      </p>`;
    case 'unavailable':
      return html`<p class="message">${shown.reason}</p>`;
    case 'ok': {
      const { request, summary, rows, total } = shown;
      const leadTime = request.list === 'lead-time' || request.list === 'excluded';
      const more =
        rows.length < total
          ? html`<vscode-button secondary class="show-more" @click=${() => actions.showMoreLedger()}
              >Show more (${rows.length} of ${total} shown)</vscode-button
            >`
          : nothing;
      return html`
        ${request.deployment === undefined ? (leadTime ? histogramChart(summary) : timelineChart(summary)) : nothing}
        <p class="muted" aria-live="polite">
          ${plural(total, request.list === 'lead-time' || request.list === 'excluded' ? 'commit' : 'deployment')}
        </p>
        ${table(request.list, rows, actions)} ${more}
        ${
          request.list === 'lead-time' && request.deployment === undefined && summary.totals.excluded > 0
            ? html`<p>
                <button class="link" @click=${() => actions.explain('excluded')}>
                  ${plural(summary.totals.excluded, 'commit')} left out of lead time (bots, imported history)
                </button>
              </p>`
            : nothing
        }
      `;
    }
  }
}

function table(list: LedgerList, rows: readonly unknown[], actions: PanelActions): TemplateResult {
  if (rows.length === 0) return html`<p class="muted">Nothing to list in this window.</p>`;
  switch (list) {
    case 'deployments':
    case 'failures':
      return deploymentTable(rows as readonly LedgerDeployment[], actions);
    case 'lead-time':
      return commitTable(rows as readonly LedgerCommit[], actions);
    case 'excluded':
      return excludedTable(rows as readonly LedgerExcluded[], actions);
  }
}

function deploymentTable(rows: readonly LedgerDeployment[], actions: PanelActions): TemplateResult {
  return html`<table class="ledger-table">
    <thead>
      <tr>
        <th scope="col">Deployment</th>
        <th scope="col">Time</th>
        <th scope="col">Commits</th>
        <th scope="col">Classification</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (d) =>
          html`<tr class=${d.classifications.some((c) => c.classification === 'failed') ? 'failed' : ''}>
            <td>
              <button
                class="link"
                title="Show the commits it ships"
                @click=${() => actions.explain('lead-time', d.index)}
              >
                ${d.name}</button
              >${d.tags.length > 1 ? html` <span class="muted">and ${plural(d.tags.length - 1, 'more tag')}</span>` : nothing}
              ${d.packages.length > 0 ? html`<div class="muted">${d.packages.join(', ')}</div>` : nothing}
            </td>
            <td>${d.time.replace('T', ' ').replace('Z', ' UTC')}</td>
            <td>${d.commits}</td>
            <td>
              ${d.classifications.map(
                (c) =>
                  html`<details class="rule">
                    <summary>${c.classification}</summary>
                    <p>${c.rule}</p>
                  </details>`,
              )}
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function commitTable(rows: readonly LedgerCommit[], actions: PanelActions): TemplateResult {
  return html`<table class="ledger-table">
    <thead>
      <tr>
        <th scope="col">Commit</th>
        <th scope="col">Lead time</th>
        <th scope="col">Deployment</th>
        <th scope="col">Author</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (c) =>
          html`<tr class=${c.marks.length > 0 ? 'marked' : ''}>
            <td>
              ${commitLink(c.sha, c.subject, actions)} ${c.marks.map((mark) => html` <span class="tag">${mark}</span>`)}
            </td>
            <td>
              ${formatDuration(c.hours)}${c.outlier ? html` <span class="tag" title="Over a year">outlier</span>` : nothing}
            </td>
            <td>${c.deployment}</td>
            <td>${c.author.replace(/\s*<[^>]*>$/, '')}${c.bot ? html` <span class="tag">bot</span>` : nothing}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

const REASONS: Record<LedgerExcluded['reason'], string> = {
  bot: 'Written by a bot (bots are excluded)',
  imported: 'Came from an imported history',
};

function excludedTable(rows: readonly LedgerExcluded[], actions: PanelActions): TemplateResult {
  return html`<table class="ledger-table">
    <thead>
      <tr>
        <th scope="col">Commit</th>
        <th scope="col">Why it is left out</th>
        <th scope="col">Deployment</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (e) =>
          html`<tr>
            <td>${commitLink(e.sha, e.subject, actions)}</td>
            <td>${REASONS[e.reason]}</td>
            <td>${e.deployment}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function commitLink(sha: string, subject: string, actions: PanelActions): TemplateResult {
  return html`<button class="link commit" title="Open this commit's diff" @click=${() => actions.openCommit(sha)}>
      <code>${sha.slice(0, 10)}</code>
    </button>
    <span class="subject">${subject}</span>`;
}
