/**
 * A new Quick Check is filled in from git as soon as the analysis arrives: every metric git measured gets
 * its answer and the measurement beside it, which the team then confirms or overrides. Only a Quick Check
 * with no answer at all is prefilled, so an answer someone cleared on purpose is never put back.
 */
import { readQuickCheck, isQuickCheck } from '../src/core/quickcheck/schema';
import { quickCheckQuestion } from '../src/core/quickcheck/questions';
import type { SetAnswer } from './answers';
import type { PanelModel } from './state';
import { suggestionsOf } from './render/quickCheck';

const prefilled = new WeakSet<PanelModel>();

export function prefillQuickCheck(model: PanelModel, send: (change: SetAnswer) => void): void {
  const document = model.loaded;
  if (!document || prefilled.has(model) || !isQuickCheck(document.assessment)) return;
  const suggestions = suggestionsOf(model);
  if (suggestions.length === 0) return;
  prefilled.add(model);
  if (Object.keys(readQuickCheck(document.assessment).answers).length > 0) return;
  for (const suggestion of suggestions) {
    const question = quickCheckQuestion(suggestion.id);
    send({
      type: 'setAnswer',
      questionId: question.key,
      ...(question.kind === 'band' ? { band: suggestion.value } : { percent: suggestion.value }),
      measured: suggestion.measured,
    });
  }
}
