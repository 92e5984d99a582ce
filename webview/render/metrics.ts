import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Framework } from '../../src/core/framework/schema';
import { findQuestion } from '../../src/core/framework/suggest';
import type { Band, MetricsResult } from '../../src/core/metrics/result';
import type { GitView } from '../../src/core/protocol';
import { choiceLines } from '../../src/core/config/describe';
import type { LedgerList } from '../../src/core/explain/schema';
import { METRICS } from '../../src/core/vocabulary/metrics';
import type { LedgerShown } from '../ledgerState';
import type { PanelActions } from './actions';
import { ledgerView } from './ledger';
import { packagePicker, packageRecovery } from './packagePicker';
import { duration, number, windowLine } from './format';

/** What each card's link lists: the evidence behind its figure, one click away. */
const EXPLAIN_LABELS: Record<LedgerList, string> = {
  deployments: 'List the deployments',
  'lead-time': 'List the commits',
  failures: 'List failed and fix deployments',
  excluded: 'List the commits left out',
};

/** The git figures behind the suggestions, each with the method that produced it; heuristics say so. */
export function metricsView(
  git: GitView,
  framework: Framework | undefined,
  actions: PanelActions,
  ledger: LedgerShown = { kind: 'closed' },
): TemplateResult {
  return html`
    <section class="metrics" aria-labelledby="metrics-title">
      <div class="metrics-head">
        <h2 id="metrics-title">Git metrics</h2>
        ${git.kind === 'ok' ? html`<span class="muted">${windowLine(git.result.window)}${git.result.repository ? ` · ${git.result.repository}` : ''}</span>` : nothing}
        <span class="spacer"></span>
        ${git.kind === 'ok' ? packagePicker(git.result, actions) : nothing}
        <vscode-button
          secondary
          icon="refresh"
          ?disabled=${git.kind === 'loading' || git.kind === 'untrusted'}
          @click=${() => actions.refreshGit()}
          >Refresh from git</vscode-button
        >
      </div>
      ${ledger.kind !== 'closed' && git.kind === 'ok' ? ledgerView(ledger, actions) : body(git, framework, actions)}
    </section>
  `;
}

function body(git: GitView, framework: Framework | undefined, actions: PanelActions): TemplateResult {
  switch (git.kind) {
    case 'loading':
      return html`<p class="muted loading-line">
        <vscode-progress-ring aria-label="Reading git history"></vscode-progress-ring> Reading git history…
      </p>`;
    case 'untrusted':
      return html`<p class="message">${UNTRUSTED_MESSAGE}</p>`;
    case 'unavailable':
      return html`<p class="message">${git.reason}</p>
        ${git.packageChoice ? packageRecovery(git.packageChoice, actions) : nothing}`;
    case 'ok':
      return figures(git.result, framework, actions);
  }
}

export const UNTRUSTED_MESSAGE =
  'This workspace is not trusted, so git history is not read. Trust the workspace to get suggestions.';

function figures(result: MetricsResult, framework: Framework | undefined, actions: PanelActions): TemplateResult {
  const { deployments, leadTime, changeFailure, recovery, rework } = result;
  return html`
    ${
      result.warnings.length > 0
        ? html`<ul class="warnings" aria-label="Warnings">
            ${result.warnings.map((w) => html`<li><span class="codicon codicon-warning" aria-hidden="true"></span> ${w}</li>`)}
          </ul>`
        : nothing
    }
    <div class="cards">
      ${card(
        METRICS.deploymentFrequency.name,
        `${number(deployments.perWeek)} per week`,
        deployments.band,
        false,
        [
          [
            'Deployments',
            `${deployments.count} (${deployments.source === 'tags' ? `tags matching ${deployments.pattern}` : `merges into ${deployments.defaultBranch ?? 'the default branch'}`})`,
          ],
          ['Days with a deployment', `${number(deployments.deployDaysPerWeek)} per week`],
        ],
        deployments.method,
        ['deployments', actions],
      )}
      ${card(
        METRICS.leadTime.name,
        `median ${duration(leadTime.medianHours)}`,
        leadTime.band,
        false,
        [
          ['90th percentile', duration(leadTime.p90Hours)],
          ['Commits measured', String(leadTime.commits)],
          ['Clock', `${leadTime.clock} date`],
        ],
        leadTime.method,
        ['lead-time', actions],
      )}
      ${card(
        METRICS.changeFailureRate.name,
        number(changeFailure.percent, '%'),
        changeFailure.band,
        true,
        [
          ['Failed deployments', `${changeFailure.failed} of ${changeFailure.deployments}`],
          ...named('Which ones', changeFailure.failedDeployments),
        ],
        changeFailure.rule,
        ['failures', actions],
      )}
      ${card(
        METRICS.recoveryTime.name,
        `median ${duration(recovery.medianHours)}`,
        recovery.band,
        true,
        [
          ['Incidents found', String(recovery.incidents)],
          ...(recovery.unresolved ? [['Not fixed yet', String(recovery.unresolved)] as const] : []),
        ],
        recovery.rule,
        ['failures', actions],
      )}
      ${card(METRICS.reworkRate.name, number(rework.percent, '%'), null, true, [['Rework deployments', `${rework.rework} of ${rework.deployments}`]], rework.rule, ['failures', actions])}
    </div>
    <h3>Suggestions</h3>
    ${
      result.suggestions.length === 0
        ? html`<p class="muted">No question of this framework can be suggested from these figures.</p>`
        : html`<ul class="suggestion-list">
            ${result.suggestions.map(
              (s) =>
                html`<li>
                  <button class="link" @click=${() => actions.focusQuestion(s.questionId)}>
                    ${framework ? (findQuestion(framework, s.questionId)?.text ?? s.questionId) : s.questionId}
                  </button>
                  <span class="muted">→ ${s.score} — ${s.reason}</span>
                </li>`,
            )}
          </ul>`
    }
    ${measuredWith(result)}
  `;
}

/** Each measuring choice and where it came from: a flag, .dora/config.yaml, a setting, detection or a default. */
function measuredWith(result: MetricsResult): TemplateResult | typeof nothing {
  if (!result.settings) return nothing;
  const [summary, ...rows] = choiceLines(result.settings);
  return html`<details class="method measured-with">
    <summary>${summary?.replace(/:$/, '')}</summary>
    <ul>
      ${rows.map((row) => html`<li>${row.trim()}</li>`)}
    </ul>
  </details>`;
}

/** Names the deployments behind a heuristic figure, so a reader can check it against what happened. */
function named(term: string, names: readonly string[] | undefined): ReadonlyArray<readonly [string, string]> {
  if (!names || names.length === 0) return [];
  const shown = names.slice(0, 6).join(', ');
  return [[term, names.length > 6 ? `${shown} and ${names.length - 6} more` : shown]];
}

function card(
  title: string,
  headline: string,
  band: Band | null,
  heuristic: boolean,
  rows: ReadonlyArray<readonly [string, string]>,
  method: string,
  [list, actions]: readonly [LedgerList, PanelActions],
): TemplateResult {
  return html`
    <article class="card" aria-label=${title}>
      <header>
        <h3>${title}</h3>
        ${heuristic ? html`<span class="tag" title="Estimated from commit messages and tags">heuristic</span>` : nothing}
      </header>
      <div class="headline">${headline}</div>
      ${band ? html`<div class="band band-${band.toLowerCase()}">${band}</div>` : html`<div class="band band-none">no band</div>`}
      <dl>
        ${rows.map(
          ([term, value]) =>
            html`<dt>${term}</dt>
              <dd>${value}</dd>`,
        )}
      </dl>
      <button class="link explain" @click=${() => actions.explain(list)}>${EXPLAIN_LABELS[list]}</button>
      <details class="method">
        <summary>${heuristic ? 'Rule (heuristic)' : 'Method'}</summary>
        <p>${method}</p>
      </details>
    </article>
  `;
}
