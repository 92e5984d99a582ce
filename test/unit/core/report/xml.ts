import { JSDOM } from 'jsdom';

const { DOMParser } = new JSDOM('').window;

/** Parses SVG as strict XML; throws with the parser's message when it is not well-formed. */
export function parseSvg(svg: string): Document {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`SVG is not well-formed XML: ${error.textContent}`);
  return document;
}
