import { xmlText } from './escape';

/**
 * What every chart of the report shares. The charts are SVG files beside the Markdown, so VS Code's
 * own preview, GitHub, GitLab and a PDF all show them without mermaid or any extension.
 *
 * Width: 640 user units, drawn 1:1 in a preview of that width (VS Code's side preview on a laptop).
 * No text is smaller than 12 units, so labels stay at 11 px or more down to a 590 px wide preview.
 *
 * Colours: each chart draws its own card and switches palette with `prefers-color-scheme`, so it
 * reads on light and dark pages. Only on screen: printed, it stays on white paper.
 */
export const CHART_WIDTH = 640;
export const FONT_SIZE = 13;
export const SMALL_FONT_SIZE = 12;

const LIGHT = {
  card: '#ffffff',
  line: '#d1d9e0',
  ink: '#1f2328',
  muted: '#59636e',
  accent: '#0969da',
  previous: '#bc4c00',
  critical: '#cf222e',
  bar: '#54aeff',
  gap: '#818b98',
};

const DARK: typeof LIGHT = {
  card: '#0d1117',
  line: '#3d444d',
  ink: '#f0f6fc',
  muted: '#9198a1',
  accent: '#4493f8',
  previous: '#f0883e',
  critical: '#ff7b72',
  bar: '#1f6feb',
  gap: '#656c76',
};

function rules(c: typeof LIGHT): string {
  return [
    `.card{fill:${c.card};stroke:${c.line}}`,
    `.ink{fill:${c.ink}}`,
    `.muted{fill:${c.muted}}`,
    `.grid{fill:none;stroke:${c.line}}`,
    `.halo{stroke:${c.card}}`,
    `.accent{fill:${c.accent}}`,
    `.area{fill:${c.accent};fill-opacity:0.22;stroke:${c.accent}}`,
    `.outline{fill:none;stroke:${c.accent}}`,
    `.previous{fill:none;stroke:${c.previous}}`,
    `.bar{fill:${c.bar}}`,
    `.critical{fill:${c.critical}}`,
    `.gap{fill:none;stroke:${c.gap}}`,
  ].join('');
}

const STYLE =
  "text{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif}" +
  rules(LIGHT) +
  `@media screen and (prefers-color-scheme:dark){${rules(DARK)}}`;

/** Fixed decimals keep the bytes stable; "-0.0" (a cosine a hair below zero) reads as "0.0". */
export function n(value: number): string {
  const text = (Number.isFinite(value) ? value : 0).toFixed(1);
  return text === '-0.0' ? '0.0' : text;
}

export interface SvgFrame {
  /** Prefix of the element ids, unique per chart: several charts share one page in the HTML export. */
  readonly id: string;
  readonly height: number;
  readonly title: string;
  /** The chart's figures in words, for screen readers. */
  readonly description: string;
}

/** The whole document: root element, style, title, description and card around `body`. */
export function svgDocument(frame: SvgFrame, body: readonly string[]): string {
  const { id, height } = frame;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-size="${FONT_SIZE}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `  <title id="${id}-title">${xmlText(frame.title)}</title>`,
    `  <desc id="${id}-desc">${xmlText(frame.description)}</desc>`,
    `  <style>${STYLE}</style>`,
    `  <rect class="card" x="0.5" y="0.5" width="${CHART_WIDTH - 1}" height="${height - 1}" rx="8"/>`,
    ...body.map((line) => `  ${line}`),
    '</svg>',
    '',
  ].join('\n');
}

/** One line of text; `attributes` is trusted markup written by the chart code, `content` is escaped. */
export function text(x: number, y: number, content: string, attributes = 'class="ink"'): string {
  return `<text x="${n(x)}" y="${n(y)}" ${attributes}>${xmlText(content)}</text>`;
}

/** A chart title at the top left of the card. */
export function heading(content: string): string {
  return text(20, 30, content, `class="ink" font-size="15" font-weight="bold"`);
}

/**
 * Splits a label into lines of at most about `width` characters, breaking at spaces; a word longer
 * than a line is cut hard. Nothing is dropped: a long title takes more lines, never an ellipsis.
 */
export function wrapWords(label: string, width: number): string[] {
  const lines: string[] = [];
  const length = (text: string) => Array.from(text).length;
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && length(last) + 1 + length(word) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else {
      const chars = Array.from(word);
      for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
    }
  }
  return lines.length > 0 ? lines : [''];
}
