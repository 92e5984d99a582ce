import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { revealHeader } from '../keyboard';

/**
 * Above the questions: show only the unanswered ones, jump to the next unanswered one, and open or close
 * every card's full guidance at once. They act on the page alone (classes and `open`), never on the file.
 */
export function questionFilters(): TemplateResult {
  return html`<div class="question-filters" role="group" aria-label="Question filters">
    <label><input type="checkbox" data-testid="unanswered-only" @change=${toggleUnanswered} /> Unanswered only</label>
    <button class="link" data-testid="next-unanswered" @click=${nextUnanswered}>Next unanswered</button>
    <button class="link" data-testid="all-levels" aria-pressed="false" @click=${toggleAllLevels}>
      Show all levels
    </button>
  </div>`;
}

function questionsOf(event: Event): HTMLElement | null {
  return (event.currentTarget as HTMLElement).closest<HTMLElement>('.questions');
}

function toggleUnanswered(event: Event): void {
  const on = (event.currentTarget as HTMLInputElement).checked;
  questionsOf(event)?.classList.toggle('unanswered-only', on);
}

/** The first unanswered question after the focused one, wrapping round to the top. */
function nextUnanswered(event: Event): void {
  const container = questionsOf(event);
  if (!container) return;
  const cards = [...container.querySelectorAll<HTMLElement>('[data-question-id]')];
  const current = document.activeElement?.closest<HTMLElement>('[data-question-id]') ?? null;
  const start = current ? cards.indexOf(current) + 1 : 0;
  const ordered = [...cards.slice(start), ...cards.slice(0, start)];
  const next = ordered.find((card) => !card.classList.contains('answered'));
  if (!next) return;
  next.focus({ preventScroll: true });
  revealHeader(next);
}

function toggleAllLevels(event: Event): void {
  const button = event.currentTarget as HTMLButtonElement;
  const open = button.getAttribute('aria-pressed') !== 'true';
  button.setAttribute('aria-pressed', String(open));
  button.textContent = open ? 'Hide all levels' : 'Show all levels';
  for (const details of questionsOf(event)?.querySelectorAll('details.all-levels') ?? [])
    (details as HTMLDetailsElement).open = open;
}
