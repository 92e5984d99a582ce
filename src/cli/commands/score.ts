import { PRACTICE_MATURITY, provisionalNote } from '../../core/quickcheck/figures';
import { isQuickCheck } from '../../core/quickcheck/schema';
import { scoreQuickCheckFile } from '../../core/quickcheck/score';
import { levelLabel } from '../../core/scoring/levels';
import { formatPercent, scoreAssessment } from '../../core/scoring/score';
import type { AssessmentScore } from '../../core/scoring/score';
import { flagSet, flagString } from '../args';
import { CliError } from '../command';
import type { CliCommand } from '../command';
import { frameworkFor, readAssessment } from '../resolve';
import { quickCheckJson, quickCheckLines } from './quickCheckScore';

export const scoreCommand: CliCommand = {
  name: 'score',
  usage: 'score <assessment.json> [--json] [--framework-file <yaml>]',
  summary:
    'Practice maturity (percent and level), per-domain percent, level and completeness, and orphaned answers; for a Quick Check, delivery performance 0–10 against its benchmark.',
  options: {
    json: { type: 'boolean', help: 'Print the score as JSON.' },
    'framework-file': {
      type: 'string',
      value: '<yaml>',
      help: 'Score against this framework file instead of the one the assessment names.',
    },
  },
  positionals: true,
  run(parsed, io) {
    const file = parsed.positional[0];
    if (!file) throw new CliError('score needs an assessment file: dora-assess score <assessment.json>');
    const assessment = readAssessment(file);
    if (isQuickCheck(assessment)) {
      const result = scoreQuickCheckFile(assessment);
      if (flagSet(parsed, 'json')) io.out(JSON.stringify(quickCheckJson(result), null, 2));
      else for (const line of quickCheckLines(assessment.title, result)) io.out(line);
      return 0;
    }
    const framework = frameworkFor(assessment, file, flagString(parsed, 'framework-file'));
    const score = scoreAssessment(framework, assessment);
    if (flagSet(parsed, 'json')) io.out(JSON.stringify(scoreJson(score), null, 2));
    else for (const line of scoreLines(assessment.title, framework.name, score)) io.out(line);
    return 0;
  },
};

function scoreJson(score: AssessmentScore) {
  const level = (l: AssessmentScore['level']) =>
    l ? { level: l.level, name: l.name, performance: l.performance } : null;
  return {
    percent: score.percent ?? null,
    level: level(score.level),
    completeness: { answered: score.answered, unknown: score.unknown, total: score.total },
    domains: score.domains.map((d) => ({
      id: d.id,
      name: d.name,
      weight: d.weight,
      metric: d.metric ?? null,
      percent: d.percent ?? null,
      level: level(d.level),
      completeness: { answered: d.answered, unknown: d.unknown, total: d.total },
    })),
    orphans: score.orphans,
  };
}

export function scoreLines(title: string, frameworkName: string, score: AssessmentScore): string[] {
  const overall = score.level
    ? `${formatPercent(score.percent)} — ${levelLabel(score.level)}`
    : 'no score yet (no question answered 1–5)';
  const note = provisionalNote(score);
  const lines = [
    `${title} (${frameworkName})`,
    `${PRACTICE_MATURITY}: ${overall}${note && score.level ? ` (${note})` : ''}`,
    `Answered ${score.answered}/${score.total}${score.unknown ? `, ${score.unknown} marked unknown / not applicable` : ''}`,
    '',
  ];
  const width = Math.max(...score.domains.map((d) => d.name.length));
  for (const d of score.domains) {
    const level = d.level ? levelLabel(d.level) : 'not scored';
    lines.push(
      `  ${d.name.padEnd(width)}  ${String(d.weight).padStart(3)}%  ${formatPercent(d.percent).padStart(6)}  ${level.padEnd(16)} ${d.answered}/${d.total}`,
    );
  }
  if (score.orphans.length > 0) {
    lines.push(
      '',
      `Orphaned answers (kept, not scored; the framework has no such question): ${score.orphans.join(', ')}`,
    );
  }
  return lines;
}
