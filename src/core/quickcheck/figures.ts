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
