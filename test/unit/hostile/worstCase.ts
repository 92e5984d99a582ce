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

/** A framework YAML with many questions, just under `limit`. */
export function bigFramework(limit: number): string {
  const head =
    'id: big\nname: Big\nversion: "1"\ndescription: d\ndomains:\n  - id: d\n    name: D\n    description: d\n    weight: 100\n    questions:\n';
  const parts: string[] = [];
  let size = head.length;
  for (let i = 0; ; i++) {
    const part = `      - id: q${i}\n        text: Q${i}\n        help: h\n        guidance: {0: {text: a}, 1: {text: b}, 2: {text: c}, 3: {text: d}, 4: {text: e}, 5: {text: f}}\n`;
    if (size + part.length > limit) break;
    parts.push(part);
    size += part.length;
  }
  return head + parts.join('');
}
