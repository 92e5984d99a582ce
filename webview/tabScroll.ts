import type { PanelView } from '../src/core/protocol';

/**
 * Each tab keeps its own scroll position. The page scrolls as a whole, so without this the metrics tab opens
 * wherever the assessment was scrolled to (often past its end), and coming back loses the place in the questions.
 * Positions are recorded as the page scrolls, not when the tab changes: by then the browser may already have
 * clamped the position to the shorter tab.
 */
export class TabScroll {
  private readonly positions = new Map<PanelView, number>();
  /** While a tab change settles, scrolling is the browser's clamping or our restoring, not the reader's. */
  private settling = false;

  constructor(
    private view: PanelView,
    private readonly window: Window,
  ) {
    window.addEventListener('scroll', () => this.record(), { passive: true });
  }

  /**
   * Called before every render with the tab about to show. On a change of tab, the new tab returns to where it
   * was left (its top the first time) once it is laid out, unless `restore` is false because something is
   * about to bring a particular element into view instead.
   */
  show(view: PanelView, restore: boolean): void {
    if (view === this.view) return;
    this.view = view;
    this.settling = true;
    // Two frames: the tabs component swaps its panels in its own update, after this render.
    this.window.requestAnimationFrame(() =>
      this.window.requestAnimationFrame(() => {
        if (restore) this.window.scrollTo({ top: this.positions.get(view) ?? 0, behavior: 'instant' });
        this.settling = false;
      }),
    );
  }

  private record(): void {
    if (!this.settling) this.positions.set(this.view, this.window.scrollY);
  }
}
