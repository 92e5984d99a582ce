/**
 * The offset of the first syntax error in a JSON text, or undefined if it is valid.
 * JSON.parse reports positions inconsistently across engines (Node 20 gives none for "Unexpected
 * token 'x'"), and a hand edit or a merge-conflict marker must still be pointed at by line and column.
 * Iterative, so deeply nested input cannot overflow the stack.
 */
export function jsonErrorOffset(text: string): { offset: number; expected: string } | undefined {
  let i = 0;
  const stack: Array<'object' | 'array'> = [];
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (expected: string) => ({ offset: i, expected });
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) return false;
        i += 2;
        continue;
      }
      i++;
    }
    return false;
  };
  const scalar = (): boolean => {
    const rest = text.slice(i, i + 5);
    for (const word of ['true', 'false', 'null']) {
      if (rest.startsWith(word)) {
        i += word.length;
        return true;
      }
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number && number[0].length > 0) {
      i += number[0].length;
      return true;
    }
    return false;
  };

  // A value is expected at `i`; after it, the enclosing container decides what may follow.
  let expectValue = true;
  for (;;) {
    ws();
    if (expectValue) {
      const c = text[i];
      if (c === '{') {
        i++;
        ws();
        if (text[i] === '}') {
          i++;
          expectValue = false;
          continue;
        }
        stack.push('object');
        if (!string()) return fail('a property name in double quotes');
        ws();
        if (text[i] !== ':') return fail('":" after the property name');
        i++;
        continue;
      }
      if (c === '[') {
        i++;
        ws();
        if (text[i] === ']') {
          i++;
          expectValue = false;
          continue;
        }
        stack.push('array');
        continue;
      }
      if (c === '"' ? !string() : !scalar())
        return fail('a value (an object, array, string, number, true, false or null)');
      expectValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i < text.length ? fail('the end of the file') : undefined;
    const c = text[i];
    if (c === ',') {
      i++;
      if (top === 'object') {
        ws();
        if (!string()) return fail('a property name in double quotes');
        ws();
        if (text[i] !== ':') return fail('":" after the property name');
        i++;
      }
      expectValue = true;
      continue;
    }
    if ((top === 'object' && c === '}') || (top === 'array' && c === ']')) {
      i++;
      stack.pop();
      continue;
    }
    return fail(top === 'object' ? '"," or "}"' : '"," or "]"');
  }
}
