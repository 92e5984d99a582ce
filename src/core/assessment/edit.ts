import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import type { JSONPath } from 'jsonc-parser';
import type { Framework } from '../framework/schema';
import type { Answer, Assessment } from './schema';
import { ANSWER_KEY_ORDER, idComparator, orderAnswer, questionOrderOf } from './serialize';

/**
 * Saves by editing the file's text where something changed, instead of writing it out again: every byte
 * the product did not change stays as the user wrote it (line endings, indentation, key order, hand-added
 * keys such as `__proto__`, even bytes that are not valid UTF-8 in another answer's notes). A one-answer
 * change is then a one-line diff, plus the `updatedAt` line.
 *
 * `raw` is the file's bytes as a binary string (one character per byte, as Node's `latin1` gives them).
 * JSON's structure is ASCII, so offsets in it are byte offsets, and new text is encoded to UTF-8 bytes
 * the same way before it goes in.
 */
export function editAssessmentBytes(raw: string, before: Assessment, after: Assessment, framework?: Framework): string {
  const style = styleOf(raw);
  let text = raw;
  const change = (path: readonly (string | number)[], value: unknown, rank?: (a: string, b: string) => number) => {
    text = setValue(
      text,
      path.map(bytesOfPathPart),
      value === undefined ? undefined : bytesOfValue(value),
      style,
      rank,
    );
  };

  const top = new Set([...Object.keys(before), ...Object.keys(after)]);
  top.delete('answers');
  for (const key of top) {
    const value = own(after, key);
    if (!sameJson(own(before, key), value)) change([key], value);
  }

  const byQuestion = idComparator(questionOrderOf(framework));
  const byField = idComparator(ANSWER_KEY_ORDER);
  for (const id of new Set([...Object.keys(before.answers), ...Object.keys(after.answers)])) {
    const was = own(before.answers, id) as Answer | undefined;
    const now = own(after.answers, id) as Answer | undefined;
    if (sameJson(was, now)) continue;
    if (!was || !now) {
      change(['answers', id], now ? orderAnswer(now) : undefined, byQuestion);
      continue;
    }
    const ordered = orderAnswer(now);
    for (const field of new Set([...Object.keys(was), ...Object.keys(now)])) {
      const value = own(ordered, field);
      if (!sameJson(own(was, field), value)) change(['answers', id, field], value, byField);
    }
  }
  return text;
}

interface Style {
  readonly eol: string;
  /** One level of indentation, as the file has it. */
  readonly unit: string;
}

/** The file's own line ending and indentation, for the lines an insertion adds. */
function styleOf(text: string): Style {
  return { eol: text.includes('\r\n') ? '\r\n' : '\n', unit: /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ' };
}

/**
 * Replaces, removes or inserts the value at `path`, touching only its own bytes: a replaced value keeps
 * its place, an inserted key follows the layout of its neighbours (one line each, or inline).
 */
function setValue(
  text: string,
  path: readonly (string | number)[],
  value: unknown,
  style: Style,
  rank: ((a: string, b: string) => number) | undefined,
): string {
  const root = parseTree(text);
  const node = root && findNodeAtLocation(root, path as JSONPath);
  if (value === undefined) return node ? applyEdits(text, modify(text, path as JSONPath, undefined, {})) : text;
  if (node) return splice(text, node.offset, node.length, pretty(value, lineIndent(text, node.offset), style));
  const parent = root && findNodeAtLocation(root, path.slice(0, -1));
  if (parent?.type !== 'object') throw new Error(`cannot insert at ${path.join('.')}`);
  const key = JSON.stringify(path[path.length - 1]);
  const properties = parent.children ?? [];
  const names = properties.map((property) => String(property.children?.[0]?.value));
  const index = rank
    ? insertionIndex(names.map(textOfBytes), textOfBytes(String(path[path.length - 1])), rank)
    : names.length;
  const first = properties[0];
  if (!first && typeof value !== 'object' && !text.slice(parent.offset, parent.offset + parent.length).includes('\n')) {
    // A field into an empty `{}` on one line (an answer with nothing in it yet): stays one line.
    return splice(text, parent.offset, parent.length, `{ ${key}: ${JSON.stringify(value)} }`);
  }
  if (!first) {
    const indent = lineIndent(text, parent.offset);
    const inner = indent + style.unit;
    return splice(
      text,
      parent.offset,
      parent.length,
      `{${style.eol}${inner}${key}: ${pretty(value, inner, style)}${style.eol}${indent}}`,
    );
  }
  const inline = !text.slice(parent.offset, first.offset).includes('\n');
  const indent = inline ? '' : lineIndent(text, first.offset);
  const entry = `${key}: ${inline ? JSON.stringify(value) : pretty(value, indent, style)}`;
  const gap = inline ? ' ' : `${style.eol}${indent}`;
  const previous = properties[index - 1];
  if (!previous) return splice(text, first.offset, 0, `${entry},${gap}`);
  return splice(text, previous.offset + previous.length, 0, `,${gap}${entry}`);
}

function splice(text: string, offset: number, length: number, content: string): string {
  return text.slice(0, offset) + content + text.slice(offset + length);
}

/** The whitespace that starts the line `offset` is on. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/** JSON with the file's indentation, continued at `indent`, with its line endings. */
function pretty(value: unknown, indent: string, style: Style): string {
  return JSON.stringify(value, null, style.unit).replace(/\n/g, `${style.eol}${indent}`);
}

/** After the last existing key that sorts before the new one, so a new answer lands in framework order. */
function insertionIndex(properties: readonly string[], key: string, compare: (a: string, b: string) => number): number {
  let index = 0;
  properties.forEach((property, i) => {
    if (compare(property, key) < 0) index = i + 1;
  });
  return index;
}

function own(object: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A string as its UTF-8 bytes, one character per byte. */
export function bytesOfText(text: string): string {
  const bytes = encoder.encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** The inverse, for keys read back out of the binary text. */
function textOfBytes(binary: string): string {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return decoder.decode(bytes);
}

function bytesOfPathPart(part: string | number): string | number {
  return typeof part === 'string' ? bytesOfText(part) : part;
}

/** Every string (keys too) of a JSON value as UTF-8 bytes; JSON.stringify leaves such characters as they are. */
function bytesOfValue(value: unknown): unknown {
  if (typeof value === 'string') return bytesOfText(value);
  if (Array.isArray(value)) return value.map(bytesOfValue);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) out[bytesOfText(key)] = bytesOfValue(item);
  return out;
}
