/**
 * The panel without a mouse. Keys act on the question that holds the focus (the card or any control in it):
 * 0–5 answer, ArrowUp/ArrowDown or j/k move between questions, u uses the git suggestion, n goes to the notes,
 * Delete clears the score, Escape leaves the notes back to the card. Typing in a text field is left alone.
 */
import { stickyBottom } from './stickyTabs';
import type { Score } from '../src/core/framework/schema';

export interface KeyboardTarget {
  answer(questionId: string, score: Score): void;
  clear(questionId: string): void;
  useSuggestionOf(questionId: string): void;
  /** Whether the page shows questions at all (not in the error, loading or metrics views). */
  readonly answerable: boolean;
}

const QUESTION = '[data-question-id]';

export function installKeyboard(root: HTMLElement, target: KeyboardTarget): () => void {
  // Capture phase, so Up/Down mean "next question" even on a radio, where the browser would change the answer.
  const onKeyDown = (event: KeyboardEvent) => handleKey(event, root, target);
  root.addEventListener('keydown', onKeyDown, true);
  return () => root.removeEventListener('keydown', onKeyDown, true);
}

function handleKey(event: KeyboardEvent, root: HTMLElement, target: KeyboardTarget): void {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || !target.answerable) return;
  const origin = event.composedPath()[0];
  const card = questionOf(event.target);
  if (isTextEntry(origin)) {
    if (event.key === 'Escape' && card) {
      event.preventDefault();
      card.focus();
    }
    return;
  }
  const key = event.key;
  if (card && /^[0-5]$/.test(key)) {
    event.preventDefault();
    target.answer(card.dataset['questionId'] ?? '', Number(key) as Score);
  } else if (key === 'ArrowDown' || key === 'j') {
    if (!card && key === 'ArrowDown') return;
    event.preventDefault();
    moveFocus(root, card, 1);
  } else if (key === 'ArrowUp' || key === 'k') {
    if (!card && key === 'ArrowUp') return;
    event.preventDefault();
    moveFocus(root, card, -1);
  } else if (card && key === 'u') {
    event.preventDefault();
    target.useSuggestionOf(card.dataset['questionId'] ?? '');
  } else if (card && key === 'n') {
    event.preventDefault();
    card.querySelector<HTMLElement>('.notes')?.focus();
  } else if (card && key === 'Delete') {
    event.preventDefault();
    target.clear(card.dataset['questionId'] ?? '');
  }
}

export function questionOf(node: EventTarget | null): HTMLElement | null {
  return node instanceof Element ? node.closest<HTMLElement>(QUESTION) : null;
}

export function focusQuestion(root: ParentNode, questionId: string): boolean {
  const card = [...root.querySelectorAll<HTMLElement>(QUESTION)].find((el) => el.dataset['questionId'] === questionId);
  if (!card) return false;
  card.focus();
  revealHeader(card);
  return true;
}

/**
 * Scrolls the least that shows the card, but never so that its header (number and question) is above the
 * view: a card taller than the view is aligned at its top, so the question is read before it is answered.
 */
export function revealHeader(card: HTMLElement): void {
  card.scrollIntoView({ block: 'nearest' });
  const header = card.querySelector<HTMLElement>('.question-head') ?? card;
  const top = header.getBoundingClientRect().top;
  const bottom = header.getBoundingClientRect().bottom;
  // The page header and tab row stick to the top and cover what scrolls under them. Their height varies (the
  // toolbar wraps in a narrow panel), so the card's top is placed just below where they end, measured now.
  const covered = stickyBottom();
  if (top < covered || bottom > window.innerHeight)
    window.scrollBy({ top: card.getBoundingClientRect().top - covered - 8, behavior: 'instant' });
}

function moveFocus(root: HTMLElement, from: HTMLElement | null, step: 1 | -1): void {
  const cards = [...root.querySelectorAll<HTMLElement>(QUESTION)];
  if (cards.length === 0) return;
  const index = from ? cards.indexOf(from) : -1;
  const next = from
    ? cards[Math.min(cards.length - 1, Math.max(0, index + step))]
    : step === 1
      ? cards[0]
      : cards[cards.length - 1];
  if (!next) return;
  next.focus({ preventScroll: true });
  revealHeader(next);
}

function isTextEntry(node: EventTarget | undefined): boolean {
  if (!(node instanceof HTMLElement)) return false;
  if (node instanceof HTMLTextAreaElement || node.isContentEditable) return true;
  return node instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(node.type);
}
