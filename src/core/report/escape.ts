/**
 * Every piece of text that reaches the report from a file (notes, titles, team names, and the
 * framework's own wording) goes through here. Text is treated as plain text, never as Markdown, so a
 * note cannot open a code fence, start a heading, break a table, link or embed an image, or slip raw
 * HTML into a preview. Backslash escapes render invisibly on GitHub and in VS Code's preview.
 */

/** C0/C1 controls (but tab and newline) and bidi overrides, which can disguise what a line says. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/**
 * Characters XML forbids (U+FFFE, U+FFFF and halves of a surrogate pair): one in a chart makes the
 * whole SVG ill-formed, so every renderer drops them.
 */
const NOT_XML = /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** `$` opens a math span on GitHub and in VS Code's preview; escaped, it is a dollar sign. */
const PUNCTUATION = /[\\`*_~[\]|#$]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(NOT_XML, '');
}

function escapeChars(text: string): string {
  return text.replace(PUNCTUATION, (c) => `\\${c}`).replace(/[&<>]/g, (c) => ENTITIES[c] ?? c);
}

/** Text on one line of a paragraph, list item or heading: newlines become spaces. */
export function mdInline(text: string): string {
  const line = normalise(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\t/g, ' ')
    .trim();
  // Escaped at the start too: right after a list marker, `1. ` or `- ` would open a nested list.
  return escapeLineStart(escapeChars(line));
}

/** A table cell: as inline text, but the author's line breaks are kept as `<br>`. */
export function mdCell(text: string): string {
  const lines = normalise(text)
    .split('\n')
    .map((line) => line.replace(/\t/g, ' ').trim())
    .filter((line) => line.length > 0);
  return lines.map(escapeChars).join('<br>');
}

/**
 * Multi-line text as the lines of a block quote, each already prefixed with `> `. A line that would
 * start a list, a heading or a setext underline is escaped at its start, and leading spaces are
 * dropped so nothing turns into an indented code block.
 */
export function mdQuoteLines(text: string): string[] {
  const lines = normalise(text).replace(/\t/g, ' ').split('\n');
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  return lines.map((raw) => {
    const line = escapeChars(raw.trim());
    return line ? `> ${escapeLineStart(line)}` : '>';
  });
}

/**
 * After escapeChars: `-`, `+` and `=` (lists, setext underlines) and `1. ` / `1) ` (ordered lists) can
 * still open a block at the start of a line. A number like `1.0` cannot, so it stays as written.
 */
function escapeLineStart(line: string): string {
  if (/^[-+=]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Text for SVG/XML character data and attribute values. */
export function xmlText(text: string): string {
  return normalise(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A relative link target for a file beside the report. Percent-encoding keeps spaces, parentheses
 * and angle brackets in a file name from ending the link early.
 */
export function mdLinkTarget(fileName: string): string {
  return encodeURIComponent(fileName).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
