import { createScanner } from 'jsonc-parser';
import { lineIndex } from './lineIndex';
import type { LineIndex } from './lineIndex';

/**
 * Deeper than any real assessment needs, shallow enough that every later recursive step (zod, the
 * serializer, the panel) is safe. Checked before anything recursive runs.
 */
export const MAX_JSON_DEPTH = 64;

// jsonc-parser's SyntaxKind is a `const enum`, which isolated modules cannot read; these are its values.
const TOKEN = {
  openBrace: 1,
  closeBrace: 2,
  openBracket: 3,
  closeBracket: 4,
  comma: 5,
  colon: 6,
  string: 10,
  lineComment: 12,
  blockComment: 13,
} as const;
const TOKEN_LINE_BREAK = 14;
const TOKEN_TRIVIA = 15;
const TOKEN_EOF = 17;
/** null, true, false, a string, a number. */
const VALUE_TOKENS = new Set<number>([7, 8, 9, 10, 11]);

export interface JsonDocument {
  /** The value as JSON.parse gives it (an own `__proto__` key stays plain data). */
  readonly value: unknown;
  /** Keys that appear twice in one object: JSON.parse keeps the last, silently. */
  readonly duplicates: readonly { readonly key: string; readonly offset: number }[];
  readonly lines: LineIndex;
  /** The position of the deepest value on the path that exists (for a missing key, its parent). */
  locate(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
}

export type JsonParse =
  | { readonly ok: true; readonly document: JsonDocument }
  | { readonly ok: false; readonly offset: number; readonly message: string; readonly lines: LineIndex };

/**
 * Strict JSON in linear time, with positions, duplicate keys and a depth cap: one pass over the tokens of
 * jsonc-parser's scanner (its tree builder is several times slower on a 1 MB file, and tolerates
 * comments and non-JSON whitespace, which JSON.parse refuses). The value itself comes from JSON.parse.
 * Iterative throughout, so no input can overflow the stack. Never throws.
 */
export function parseJsonDocument(text: string): JsonParse {
  const lines = lineIndex(text);
  const scanned = scan(text);
  if ('message' in scanned) return { ok: false, ...scanned, lines };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The scan and the engine disagree (the fuzz test says they do not); keep the engine's words.
    return { ok: false, offset: 0, message: error instanceof Error ? error.message : String(error), lines };
  }
  let index: Map<string, number> | undefined;
  return {
    ok: true,
    document: {
      value,
      duplicates: scanned.duplicates,
      lines,
      locate(path) {
        // Built on the first question only: loading a valid file never pays for it.
        index ??= scanIndex(text);
        for (let n = path.length; n >= 0; n--) {
          const offset = index.get(pathKey(path.slice(0, n)));
          if (offset !== undefined) return lines.at(offset);
        }
        return undefined;
      },
    },
  };
}

interface Frame {
  readonly object: boolean;
  readonly keys: Set<string> | undefined;
  /** The key (object) or index (array) of the value being read. */
  member: string | number;
}

type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

type Duplicates = { key: string; offset: number }[];

function scan(text: string): { duplicates: Duplicates } | { offset: number; message: string } {
  const duplicates: Duplicates = [];
  const failure = walk(text, {
    onKey(frame, key, offset) {
      if (frame.keys?.has(key)) duplicates.push({ key, offset });
      frame.keys?.add(key);
    },
  });
  return failure ?? { duplicates };
}

/** Every value's start offset by its path; asked for only when a problem needs a line number. */
function scanIndex(text: string): Map<string, number> {
  const index = new Map<string, number>();
  walk(text, { onValue: (stack, offset) => index.set(pathKey(stack.map((frame) => frame.member)), offset) });
  return index;
}

function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('\u0000');
}

interface Listener {
  onKey?(frame: Frame, key: string, offset: number): void;
  /** A value starts at `offset`; the path to it is the members of the stack. */
  onValue?(stack: readonly Frame[], offset: number): void;
}

/** The JSON grammar as a state machine over tokens, with an explicit stack. */
function walk(text: string, listener: Listener): { offset: number; message: string } | undefined {
  const scanner = createScanner(text, false);
  const stack: Frame[] = [];
  const trackKeys = listener.onKey !== undefined;
  let state = 'value' as State;
  for (;;) {
    const token: number = scanner.scan();
    const offset = scanner.getTokenOffset();
    if ((scanner.getTokenError() as number) !== 0) return { offset, message: scanMessage(text, offset) };
    if (token === TOKEN_LINE_BREAK) continue;
    if (token === TOKEN_TRIVIA) {
      if (/^[ \t]*$/.test(text.slice(offset, offset + scanner.getTokenLength()))) continue;
      return {
        offset,
        message: 'only spaces, tabs and line breaks may separate JSON values; remove the invisible character',
      };
    }
    if (token === TOKEN.lineComment || token === TOKEN.blockComment)
      return { offset, message: 'comments are not allowed in JSON; remove it' };
    const top = stack[stack.length - 1];
    const closes = top !== undefined && token === (top.object ? TOKEN.closeBrace : TOKEN.closeBracket);
    if (state === 'valueOrClose') {
      if (closes) {
        stack.pop();
        state = afterValue(stack);
        continue;
      }
      state = 'value';
    }
    switch (state) {
      case 'end':
        if (token === TOKEN_EOF) return undefined;
        return fail(text, offset, 9);
      case 'keyOrClose':
      case 'key':
        if (state === 'keyOrClose' && closes) {
          stack.pop();
          state = afterValue(stack);
        } else if (token === TOKEN.string && top) {
          top.member = scanner.getTokenValue();
          listener.onKey?.(top, top.member, offset);
          state = 'colon';
        } else return fail(text, offset, 3);
        break;
      case 'colon':
        if (token !== TOKEN.colon) return fail(text, offset, 5);
        state = 'value';
        break;
      case 'commaOrClose':
        if (closes) {
          stack.pop();
          state = afterValue(stack);
        } else if (token === TOKEN.comma && top) {
          if (top.object) state = 'key';
          else {
            top.member = (top.member as number) + 1;
            state = 'value';
          }
        } else return fail(text, offset, top?.object ? 7 : 8);
        break;
      case 'value':
        if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
          listener.onValue?.(stack, offset);
          if (stack.length >= MAX_JSON_DEPTH) return { offset, message: TOO_DEEP };
          const object = token === TOKEN.openBrace;
          stack.push({ object, keys: object && trackKeys ? new Set() : undefined, member: 0 });
          state = object ? 'keyOrClose' : 'valueOrClose';
        } else if (VALUE_TOKENS.has(token)) {
          listener.onValue?.(stack, offset);
          state = afterValue(stack);
        } else return fail(text, offset, 4);
        break;
    }
  }
}

function afterValue(stack: readonly Frame[]): State {
  return stack.length === 0 ? 'end' : 'commaOrClose';
}

const TOO_DEEP = `nested more than ${MAX_JSON_DEPTH} levels deep; an assessment never needs that, so flatten or remove this value`;

function fail(text: string, offset: number, code: number): { offset: number; message: string } {
  return { offset, message: expectation(code, text, offset) };
}

function scanMessage(text: string, offset: number): string {
  if (text[offset] === '"')
    return 'not valid JSON: this string has a raw control character or line break, a bad \\ escape, or no closing quote';
  return expectation(2, text, offset);
}

const EXPECTED: Record<number, string> = {
  2: 'a number such as 3 or 0.5',
  3: 'a property name in double quotes',
  4: 'a value (an object, array, string, number, true, false or null)',
  5: '":" after the property name',
  7: '"," or "}"',
  8: '"," or "]"',
  9: 'the end of the file',
};

/** `expected X, found “Y”` with Y as written (not escaped again), or that the file ends too early. */
function expectation(code: number, text: string, offset: number): string {
  const near = text.slice(offset, offset + 12).split(/\r?\n/)[0] ?? '';
  const what = offset >= text.length || near === '' ? 'the file ends too early' : `found “${near}”`;
  return `not valid JSON: expected ${EXPECTED[code] ?? 'a value'}, ${what}`;
}
