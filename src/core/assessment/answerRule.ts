import type { Framework } from '../framework/schema';
import { QUICK_CHECK_FRAMEWORK_ID } from '../quickcheck/schema';
import { BENCHMARK_KEY, ownAnswer } from './patch';
import type { Assessment } from './schema';

/** What the rule needs to know about a document: whether it is loaded, and if so its questions and answers. */
export type AnswerTarget =
  | {
      readonly kind: 'loaded';
      readonly framework: Pick<Framework, 'id' | 'domains'>;
      readonly assessment: Pick<Assessment, 'answers'>;
    }
  | { readonly kind: 'error' | 'missing' | 'loading' };

/**
 * The one rule for whether an answer may be recorded, used by the store (what is written) and by the webview
 * (what it shows before the host acknowledges): only in a file that is loaded, since a file that does not parse
 * is never written over; and only for a question of the framework, or one the file already answers (a question
 * the framework has since retired), so that answer can still be changed or cleared. Undefined means accepted.
 */
export function answerRefusal(target: AnswerTarget, questionId: string): string | undefined {
  switch (target.kind) {
    case 'error':
      return 'the file does not parse, so nothing is written over it';
    case 'missing':
      return 'the file is missing';
    case 'loading':
      return 'the file is still being read';
    case 'loaded':
      break;
  }
  if (questionId === '') return 'no question id';
  if (questionId === BENCHMARK_KEY)
    return target.framework.id === QUICK_CHECK_FRAMEWORK_ID ? undefined : 'only a Quick Check has a benchmark';
  const known = target.framework.domains.some((domain) => domain.questions.some((q) => q.id === questionId));
  if (known || ownAnswer(target.assessment, questionId) !== undefined) return undefined;
  return `framework "${target.framework.id}" has no question "${questionId}"`;
}
