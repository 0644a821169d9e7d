// The first screen drawn by the browser-mode host (docs/ARCHITECTURE.md, "The first screen").
// The host answers the Dashboard's first calls itself, draws the Dashboard with
// renderer/first-screen-server.tsx and sends the page with the drawing and those answers (a
// JSON script element). The stores named below start from those answers, so the browser's
// first pass (hydration) draws what the host drew; they still ask again when watched, so
// nothing written after the page was made is missed.
import { FIRST_SCREEN_ATTRIBUTE, FIRST_SCREEN_DATA_ID, type FirstScreenAnswers, type FirstScreenCall } from '../shared/api/first-screen';

let answers: Partial<FirstScreenAnswers> | null = null;

/** The answer the first screen was drawn from, or null (no drawing, or the answer is not there). */
export function firstScreenAnswer<M extends FirstScreenCall>(method: M): FirstScreenAnswers[M] | null {
  return (answers?.[method] as FirstScreenAnswers[M] | undefined) ?? null;
}

/** The host, around each drawing: the answers the page is drawn from (null after it). */
export function setFirstScreenAnswers(value: Partial<FirstScreenAnswers> | null): void {
  answers = value;
}

/** In the page: the answers it came with (read once; the element is then removed). */
function readPageAnswers(): Partial<FirstScreenAnswers> | null {
  if (typeof document === 'undefined') return null;
  const element = document.getElementById(FIRST_SCREEN_DATA_ID);
  if (!element) return null;
  element.remove();
  try {
    const value = JSON.parse(element.textContent ?? '') as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Partial<FirstScreenAnswers>) : null;
  } catch {
    return null; // then the page is drawn by the browser, as without the host's drawing
  }
}
answers = readPageAnswers();

/**
 * True when the page holds the host's drawing of the screen the app shows first (`shown`:
 * the route's section): the app then takes the drawing over (hydration) rather than drawing anew.
 */
export function pageHoldsFirstScreen(root: HTMLElement, shown: string): boolean {
  return shown === 'dashboard' && root.firstElementChild !== null && document.documentElement.getAttribute(FIRST_SCREEN_ATTRIBUTE) === 'drawn' && firstScreenAnswer('dashboard.summary') !== null;
}

/** After the app has taken over the page: the head script's mark is no longer needed (nor app.css's hiding). */
export function endFirstScreen(): void {
  document.documentElement.removeAttribute(FIRST_SCREEN_ATTRIBUTE);
}
