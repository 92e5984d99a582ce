import type { Assessment } from '../assessment/schema';
import type { Framework } from '../framework/schema';
import { levelLabel } from '../scoring/levels';
import { formatPercent, scoreAssessment } from '../scoring/score';
import type { AssessmentScore } from '../scoring/score';
import { formatNumber } from '../vocabulary/format';
import { isQuickCheck } from './schema';
import { scoreQuickCheckFile } from './score';
import type { QuickCheckResult } from './score';

/**
 * Delivery performance (the key metrics) and practice maturity (the questionnaire) are two different
 * figures; both are provisional while fewer than half of their questions are answered.
 */
export interface FigureCompleteness {
  readonly answered: number;
  readonly total: number;
}

export function isProvisional({ answered, total }: FigureCompleteness): boolean {
  return answered * 2 < total;
}

/** "provisional: 9 of 25 answered", or undefined when the figure rests on at least half of its questions. */
export function provisionalNote(completeness: FigureCompleteness): string | undefined {
  return isProvisional(completeness)
    ? `provisional: ${completeness.answered} of ${completeness.total} answered`
    : undefined;
}

export const DELIVERY_PERFORMANCE = 'Delivery performance';
export const PRACTICE_MATURITY = 'Practice maturity';

/** One headline figure, named for what it measures, as every surface prints it. */
export interface Figure {
  readonly name: typeof DELIVERY_PERFORMANCE | typeof PRACTICE_MATURITY;
  /** "7.8 / 10", "62% · Level 4 High", or "not scored yet". */
  readonly value: string;
  /** For tight places (tree rows, status bar): "7.8/10", "62% L4". */
  readonly short: string;
  /** "provisional: 9 of 25 answered" while less than half is answered. */
  readonly provisional: string | undefined;
  readonly answered: number;
  readonly total: number;
}

/** The practice questionnaire's figure: the weighted percentage and its maturity level (levels 1–5). */
export function practiceMaturity(score: AssessmentScore): Figure {
  const { percent, level } = score;
  const scored = percent !== undefined && level !== undefined;
  return {
    name: PRACTICE_MATURITY,
    value: scored ? `${formatPercent(percent)} · ${levelLabel(level)}` : 'not scored yet',
    short: scored ? `${formatPercent(percent)} L${level.level}` : `${score.answered}/${score.total}`,
    provisional: provisionalNote(score),
    answered: score.answered,
    total: score.total,
  };
}

/** The key metrics' figure: the Quick Check's 0–10 delivery performance. */
export function deliveryPerformance(result: QuickCheckResult): Figure {
  const value = result.overall;
  return {
    name: DELIVERY_PERFORMANCE,
    value: value === undefined ? 'not scored yet' : `${formatNumber(value)} / 10`,
    short: value === undefined ? `${result.answered}/${result.total}` : `${formatNumber(value)}/10`,
    provisional: provisionalNote(result),
    answered: result.answered,
    total: result.total,
  };
}

/** The figure an assessment file stands for: delivery performance for a Quick Check, else practice maturity. */
export function figureOf(framework: Framework, assessment: Assessment): Figure {
  return isQuickCheck(assessment)
    ? deliveryPerformance(scoreQuickCheckFile(assessment))
    : practiceMaturity(scoreAssessment(framework, assessment));
}

/** "Practice maturity 62% · Level 4 High (provisional: 9 of 25 answered)". */
export function figureLine(figure: Figure): string {
  return `${figure.name} ${figure.value}${figure.provisional ? ` (${figure.provisional})` : ''}`;
}
