/** 1 MB worst-case assessment and framework texts (many keys, deep nesting, long strings), shared by the bench and the hostile tests. */
const HEAD =
  '{"version":1,"framework":{"id":"dora","version":"1"},"title":"t","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z",';

/** An assessment just under `limit` characters with as many answers as fit. */
export function manyAnswers(limit: number): string {
  const parts: string[] = [];
  let size = HEAD.length + 14;
  for (let i = 0; ; i++) {
    const part = `"q${i}":{"score":1}`;
    if (size + part.length + 1 > limit) break;
    parts.push(part);
    size += part.length + 1;
  }
  return `${HEAD}"answers":{${parts.join(',')}}}`;
}

/** An assessment with one hand-added key holding many tiny keys (the quadratic case of a naive duplicate check). */
export function manyKeys(limit: number): string {
  const parts: string[] = [];
  let size = HEAD.length + 40;
  for (let i = 0; ; i++) {
    const part = `"${i.toString(36)}":0`;
    if (size + part.length + 1 > limit) break;
    parts.push(part);
    size += part.length + 1;
  }
  return `${HEAD}"answers":{},"extra":{${parts.join(',')}}}`;
}

/** A hand-added key nested `depth` levels deep. */
export function deepNesting(depth: number): string {
  return `${HEAD}"answers":{},"extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

const GUIDANCE = '{0: {text: a}, 1: {text: b}, 2: {text: c}, 3: {text: d}, 4: {text: e}, 5: {text: f}}';

/** A framework YAML of as many questions as fit under `limit`, each written by `question(i)`. */
function frameworkOf(limit: number, question: (i: number) => string): string {
  const head =
    'id: big\nname: Big\nversion: "1"\ndescription: d\ndomains:\n  - id: d\n    name: D\n    description: d\n    weight: 100\n    questions:\n';
  const parts: string[] = [];
  let size = head.length;
  for (let i = 0; ; i++) {
    const part = question(i);
    if (size + part.length > limit) break;
    parts.push(part);
    size += part.length;
  }
  return head + parts.join('');
}

/** A framework YAML with many questions, just under `limit`. */
export function bigFramework(limit: number): string {
  return frameworkOf(
    limit,
    (i) => `      - id: q${i}\n        text: Q${i}\n        help: h\n        guidance: ${GUIDANCE}\n`,
  );
}

/** Many questions sharing one guidance block, anchored on the first and aliased by all the others. */
export function aliasedFramework(limit: number): string {
  return frameworkOf(
    limit,
    (i) =>
      `      - id: q${i}\n        text: Q${i}\n        help: h\n        guidance: ${i === 0 ? `&shared ${GUIDANCE}` : '*shared'}\n`,
  );
}

/** Many questions whose every value carries a core-schema tag (`!!str`, `!!int`, `!!map`). */
export function taggedFramework(limit: number): string {
  return frameworkOf(
    limit,
    (i) =>
      `      - !!map\n        id: !!str q${i}\n        text: !!str ${i}\n        help: !!str "h"\n        guidance: !!map ${GUIDANCE}\n`,
  );
}

/**
 * Many questions, every tenth with a text of one line over 1,000 characters (of prose without a comma
 * or a bracket, which used to send the whole file to the positioned parser).
 */
export function longLineFramework(limit: number): string {
  const prose = 'we ship small changes on demand and learn from each one '.repeat(19).trim();
  return frameworkOf(
    limit,
    (i) =>
      `      - id: q${i}\n        text: ${i % 10 === 0 ? `Q${i} ${prose}` : `Q${i}`}\n        help: h\n        guidance: ${GUIDANCE}\n`,
  );
}

/** Many questions whose prose holds `&`, `*` and `!`, which once sent a file to the positioned parser. */
export function proseFramework(limit: number): string {
  return frameworkOf(
    limit,
    (i) => `      - id: q${i}\n        text: Q&A ${i}, *really*!\n        help: R&D\n        guidance: ${GUIDANCE}\n`,
  );
}

/** A "billion laughs" framework: nine levels of nine aliases to the level before, 9^9 values expanded. */
export function aliasBomb(): string {
  const levels = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 9; i++)
    levels.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  return `id: bomb\nname: Bomb\nextra:\n${levels.map((level) => `  ${level}`).join('\n')}\n`;
}

/** A framework of many questions, just under `limit`, with one in the middle indented one space too far. */
export function brokenFramework(limit: number): string {
  const text = bigFramework(limit - 1);
  const at = text.indexOf('        text: Q', text.length >> 1);
  return `${text.slice(0, at)} ${text.slice(at)}`;
}

/** A framework whose one mapping holds `count` keys, the last repeating the one in the middle. */
export function repeatedKeyFramework(count: number): string {
  const keys = Array.from({ length: count }, (_, i) => `  k${i}: 0\n`).join('');
  return `id: x\nextra:\n${keys}  k${count >> 1}: 1\n`;
}

/** Many questions aliasing one guidance block, with two values of the wrong type deep in the file. */
export function aliasedSchemaErrors(limit: number): string {
  const text = aliasedFramework(limit);
  const half = text.indexOf('help: h', text.length >> 1);
  const late = text.lastIndexOf('text: Q');
  return `${text.slice(0, half)}help: 5${text.slice(half + 7, late)}text: [Q]${text.slice(late + 'text: Q'.length).replace(/^\d+/, '')}`;
}
