import { css } from 'lit';
import { VscodeTabs } from '@vscode-elements/elements/dist/vscode-tabs/index.js';

/**
 * The tab row sticks under the page header. The page scrolls as a whole, so a tab row that scrolled away would
 * have to be scrolled back to before switching tabs, and each tab could never keep its own place.
 * vscode-tabs exposes no part for its header: its shadow styles get one rule more, before any tab row renders
 * (lit adopts `elementStyles` when an element first renders).
 */
VscodeTabs.elementStyles.push(css`
  .header {
    position: sticky;
    top: var(--sticky-tabs-top, 0px);
    z-index: 9;
    background: var(--vscode-editor-background);
  }
`);

/** The bottom of what sticks to the top of the page (header and tab row): content above it is hidden. */
export function stickyBottom(): number {
  const tabs = document.querySelector('vscode-tabs')?.shadowRoot?.querySelector('.header');
  const head = document.querySelector('.page-head');
  return Math.max(tabs?.getBoundingClientRect().bottom ?? 0, head?.getBoundingClientRect().bottom ?? 0);
}
