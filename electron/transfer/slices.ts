// Long work (planning an import of thousands of rows) in short slices, so the main process
// keeps answering small calls (the profile, a screen's list) while it runs: the work is a
// generator that yields between steps (e.g. rows); it runs all at once where it must stay
// synchronous (inside a transaction), or a few milliseconds at a time, giving the event loop
// a turn (setImmediate) between slices.

/** Work that yields between its steps and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now (synchronously). */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** How long one slice may hold the event loop. */
export const SLICE_MS = 5;

/** Runs the steps in slices of about sliceMs, with a turn of the event loop between slices. */
export async function runSliced<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  for (;;) {
    const until = performance.now() + sliceMs;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() >= until) break;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
