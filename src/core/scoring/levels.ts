/** Maturity levels, from the framework design: the lower bound of each band in percent. */
export const LEVELS = [
  { level: 5, name: 'Elite', min: 80, performance: 'Elite' },
  { level: 4, name: 'High', min: 60, performance: 'High' },
  { level: 3, name: 'Medium', min: 40, performance: 'Medium' },
  { level: 2, name: 'Low', min: 20, performance: 'Low' },
  { level: 1, name: 'Initial', min: 0, performance: 'Low' },
] as const;

export type Level = (typeof LEVELS)[number];

export function levelFor(percent: number): Level {
  // The lowest band also takes what is below every minimum (NaN).
  return LEVELS.find((band) => percent >= band.min) ?? LEVELS[3];
}

export function levelLabel(level: Level): string {
  return `Level ${level.level} ${level.name}`;
}
