import MarkdownIt from 'markdown-it';
import type { ReportChart } from '../core/report/render';

/**
 * The report as one self-contained HTML file: the same Markdown, rendered as VS Code's preview
 * renders it, with every chart inlined as SVG. No script, no external resource (the content security
 * policy forbids both), so it opens from an e-mail attachment and prints to PDF from any browser.
 */
const md = new MarkdownIt({ html: true, linkify: false, typographer: false });

const STYLE = `
:root{color-scheme:light dark;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#ffffff;--soft:#f6f8fa}
@media screen and (prefers-color-scheme:dark){:root{--ink:#f0f6fc;--muted:#9198a1;--line:#3d444d;--bg:#0d1117;--soft:#151b23}}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif}
main{max-width:900px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:1.9em;border-bottom:1px solid var(--line);padding-bottom:.3em}
h2{font-size:1.45em;border-bottom:1px solid var(--line);padding-bottom:.3em;margin-top:1.8em}
h3{font-size:1.2em}h4{font-size:1em}
table{border-collapse:collapse;margin:1em 0;display:block;overflow-x:auto}
th,td{border:1px solid var(--line);padding:5px 10px;vertical-align:top}
th{background:var(--soft)}
blockquote{margin:.4em 0 .6em;padding:0 1em;color:var(--muted);border-left:.25em solid var(--line)}
code{background:var(--soft);padding:.1em .3em;border-radius:4px;font-size:90%}
figure{margin:1em 0}svg{max-width:100%;height:auto}
@media print{body{font-size:11pt}main{max-width:none;padding:0}h2{break-before:auto}
table,figure,svg,tr{break-inside:avoid}h2,h3,h4{break-after:avoid}}
@page{margin:16mm}
`;

export function renderHtml(markdown: string, charts: readonly ReportChart[], title: string): string {
  const byName = new Map(charts.map((c) => [c.fileName, c.svg]));
  const body = md
    .render(markdown)
    .replace(/<p><img src="([^"]+)" alt="([^"]*)"><\/p>/g, (whole, src: string, alt: string) => {
      const svg = byName.get(decodeURIComponent(src));
      return svg === undefined
        ? whole
        : `<figure aria-label="${alt}">\n${svg.replace(/<\?xml[^>]*>\s*/, '').trimEnd()}\n</figure>`;
    });
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${md.utils.escapeHtml(title)}</title>`,
    `<style>${STYLE.trim()}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body.trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
