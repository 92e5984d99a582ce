// Loading hostile 1 MB files (issue 10): many answers, many keys, deep nesting, and large frameworks of
// every shape (plain, anchors and aliases, standard tags, 1,000+-character lines, custom tags, a bomb).
// Each is loaded three times; the best time is printed (the first includes JIT warm-up).
import { loadAssessment } from '../src/core/assessment/load';
import { loadFramework } from '../src/core/framework/load';
import { MAX_INPUT_CHARS } from '../src/core/problems';
import {
  aliasBomb,
  aliasedFramework,
  aliasedSchemaErrors,
  bigFramework,
  brokenFramework,
  deepNesting,
  longLineFramework,
  manyAnswers,
  manyKeys,
  proseFramework,
  repeatedKeyFramework,
  taggedFramework,
} from '../test/unit/hostile/worstCase';

export const title = 'Hostile files: loading 1 MB worst cases';

export async function run(): Promise<void> {
  const limit = MAX_INPUT_CHARS - 1;
  const answers = manyAnswers(limit);
  const keys = manyKeys(limit);
  const deep = deepNesting((limit - 200) >> 1);
  const framework = bigFramework(limit);
  const aliased = aliasedFramework(limit);
  const tagged = taggedFramework(limit);
  const long = longLineFramework(limit);
  const prose = proseFramework(limit);
  // Hostile frameworks, refused: one custom tag near the end, and a bomb padded to the limit.
  const plain = bigFramework(limit - 20);
  const last = plain.lastIndexOf('help: h');
  const custom = `${plain.slice(0, last)}help: !!js/function h${plain.slice(last + 'help: h'.length)}`;
  const bomb = `${aliasBomb()}# ${'x'.repeat(limit - aliasBomb().length - 3)}\n`;
  const longLines = long.split('\n').filter((line) => line.length > 1_000).length;
  const count = (text: string, part: string) => (text.split(part).length - 1).toLocaleString('en');
  // Refused files the positioned parser used to read whole to list every problem; the time before
  // (commit 0296eb8, same machine) is printed beside the time now.
  const broken = brokenFramework(limit);
  const unclosed = plain.replace('guidance: {0', 'guidance: [{0');
  const repeated = repeatedKeyFramework(60_000);
  const schemaErrors = aliasedSchemaErrors(limit);
  const cases: Array<[string, () => unknown, number?]> = [
    [`assessment, ${count(answers, '"score"')} answers`, () => loadAssessment(answers)],
    [`assessment, ${count(keys, '":0')} keys in one object`, () => loadAssessment(keys)],
    [`assessment nested ${count(deep, '[')} deep (refused)`, () => loadAssessment(deep)],
    [`framework, ${count(framework, '- id: q')} questions`, () => loadFramework(framework)],
    [`framework, ${count(aliased, '*shared')} aliases of one block`, () => loadFramework(aliased)],
    [`framework, ${count(tagged, '!!')} standard tags`, () => loadFramework(tagged)],
    [`framework, ${longLines} lines of 1,000+ chars`, () => loadFramework(long)],
    [`framework, ${count(prose, 'Q&A')} texts with &, * and !`, () => loadFramework(prose)],
    ['framework, one custom tag (refused)', () => loadFramework(custom)],
    ['framework, alias bomb (refused)', () => loadFramework(bomb)],
    ['framework, a syntax error (refused)', () => loadFramework(broken), 1_672],
    ['framework, an unclosed [ (refused)', () => loadFramework(unclosed), 1_682],
    ['framework, 60,000 keys, one repeated (refused)', () => loadFramework(repeated), 965],
    ['framework of aliases, 2 schema errors (refused)', () => loadFramework(schemaErrors), 1_392],
  ];
  for (const [name, load, before] of cases) {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      load();
      best = Math.min(best, performance.now() - start);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const was = before === undefined ? '' : `  (before: ${before.toLocaleString('en')} ms)`;
    console.log(`${name.padEnd(48)} ${best.toFixed(0).padStart(6)} ms${was}`);
  }
}
