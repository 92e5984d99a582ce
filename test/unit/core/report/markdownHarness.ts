import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';

/**
 * Markdown as VS Code's preview reads it: markdown-it with raw HTML allowed and bare links turned
 * into links. If a note can smuggle markup past the renderer here, it can in the preview.
 */
const md = new MarkdownIt({ html: true, linkify: true });

export function renderHtml(markdown: string): Document {
  return new JSDOM(`<!doctype html><body>${md.render(markdown)}</body>`).window.document;
}

/** Every element name in the rendered body, with how often it occurs. */
export function elementCounts(document: Document): Map<string, number> {
  const counts = new Map<string, number>();
  for (const element of document.body.querySelectorAll('*'))
    counts.set(element.localName, (counts.get(element.localName) ?? 0) + 1);
  return counts;
}

/** Tables whose rows do not all have as many cells as the header: a `|` that broke out of its cell. */
export function brokenTables(document: Document): string[] {
  const broken: string[] = [];
  for (const table of document.querySelectorAll('table')) {
    const width = table.querySelectorAll('thead th').length;
    for (const row of table.querySelectorAll('tbody tr')) {
      if (row.children.length !== width)
        broken.push(`${width} headers but ${row.children.length} cells: ${row.textContent}`);
    }
  }
  return broken;
}
