/** Turns the host's own states into what the panel protocol carries. */
import { gitViewSchema } from '../core/protocol';
import type { DocumentView, GitView } from '../core/protocol';
import type { AssessmentState, GitInsights } from '../contracts/seams';

export function documentView(state: AssessmentState): DocumentView {
  switch (state.kind) {
    case 'loaded':
      return {
        kind: 'loaded',
        framework: state.framework,
        assessment: state.assessment,
        warnings: [...state.warnings],
      };
    case 'error':
      return { kind: 'error', problems: [...state.problems] };
    case 'missing':
      return { kind: 'missing' };
  }
}

/**
 * The git insights as the panel shows them. They are checked against the protocol here too: a result the
 * webview would refuse must become a readable reason, not a panel stuck on "Reading git history…".
 */
export function gitView(insights: GitInsights): { view: GitView; problem?: string } {
  const view: GitView =
    insights.kind === 'ok'
      ? { kind: 'ok', result: insights.result }
      : {
          kind: 'unavailable',
          reason: insights.reason,
          ...(insights.packageChoice ? { packageChoice: insights.packageChoice } : {}),
        };
  const checked = gitViewSchema.safeParse(view);
  if (checked.success) return { view: checked.data };
  const problem = checked.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`)
    .join('; ');
  return {
    view: {
      kind: 'unavailable',
      reason:
        'The git figures came back in a shape the panel cannot show, so there are no suggestions. Details are in the DORA Assessment log.',
    },
    problem,
  };
}
