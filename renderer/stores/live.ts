// The one store pattern: a store declares the data domains it reads; while a screen shows
// it (watch), it reloads once after each announced change of one of them (a burst of
// changes becomes one reload), and an answer that arrives after a newer request was made
// is dropped, so a slow old answer never overwrites a newer one (Actual Budget's liveQuery
// does the same for its queries).
import { useEffect, useState } from 'react';
import type { Domain } from '../../shared/api/domains';
import { errorMessage, onChanged } from '../api/client';

export interface Live<V> {
  /** Asks for the data now; the answer is applied unless a newer request (or accept) came after it. */
  load(): Promise<void>;
  /** Applies a value the caller already has (e.g. a mutation's answer) and drops older answers still on their way. */
  accept(value: V): void;
  /** Keeps the store fresh while watched: loads now, then once after each change of its domains. Returns the unwatch. */
  watch(): () => void;
}

export function liveLoader<V>(domains: readonly Domain[], fetch: () => Promise<V>, apply: (value: V) => void, fail: (message: string) => void): Live<V> {
  const reads = new Set<Domain>(domains);
  let generation = 0;
  let watchers = 0;
  let unsubscribe: (() => void) | null = null;
  let inFlight: Promise<void> | null = null;
  let queued = false;

  function load(): Promise<void> {
    const mine = ++generation;
    const run = fetch().then(
      (value) => {
        if (mine === generation) apply(value);
      },
      (err: unknown) => {
        if (mine === generation) fail(errorMessage(err));
      },
    );
    const tracked = run.finally(() => {
      if (inFlight === tracked) inFlight = null;
    });
    inFlight = tracked;
    return tracked;
  }

  /** One reload for however many changes arrive before it starts (it starts after the load in flight, if any). */
  function reloadSoon(): void {
    if (queued) return;
    queued = true;
    const start = () => {
      queued = false;
      if (watchers > 0) void load();
    };
    void (inFlight ?? Promise.resolve()).then(() => setTimeout(start, 0));
  }

  function watch(): () => void {
    watchers += 1;
    if (watchers === 1) {
      unsubscribe = onChanged((changed) => {
        if (changed.some((d) => reads.has(d))) reloadSoon();
      });
      void load();
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      watchers -= 1;
      if (watchers === 0) {
        unsubscribe?.();
        unsubscribe = null;
      }
    };
  }

  return {
    load,
    accept(value) {
      generation += 1;
      apply(value);
    },
    watch,
  };
}

interface Watchable {
  getState(): { watch(): () => void };
}

/** Watches the given stores while the component is shown (each loads when it starts being watched). */
export function useWatch(...stores: Watchable[]): void {
  const [list] = useState(stores);
  useEffect(() => {
    const offs = list.map((s) => s.getState().watch());
    return () => {
      for (const off of offs) off();
    };
  }, [list]);
}
