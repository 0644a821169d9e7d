// The store pattern (renderer/stores/live.ts) and the client's change announcements.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, changedDomains, onChanged, setTransport } from '../../renderer/api/client';
import { liveLoader } from '../../renderer/stores/live';
import { ALL_DOMAINS, type Domain } from '../../shared/api/domains';
import { installFakeTransport } from './fake-transport';

/** A promise the test resolves by hand, to answer loads in any order. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const settle = () => new Promise((r) => setTimeout(r, 5));

describe('liveLoader', () => {
  let fake: ReturnType<typeof installFakeTransport>;
  beforeEach(() => {
    fake = installFakeTransport({});
  });

  it('loads when first watched, reloads once per burst of changes of its domains, never for other domains or when unwatched', async () => {
    let loads = 0;
    let value = 0;
    const live = liveLoader(['programs', 'profile'], async () => ++loads, (v) => (value = v), () => undefined);
    const unwatch = live.watch();
    const unwatchToo = live.watch();
    await settle();
    expect(loads).toBe(1);

    fake.emit(['programs']);
    fake.emit(['profile', 'settings']);
    fake.emit(['programs']);
    await settle();
    expect(loads).toBe(2);
    expect(value).toBe(2);

    fake.emit(['letters', 'soap']);
    await settle();
    expect(loads).toBe(2);

    unwatch();
    fake.emit(['programs']);
    await settle();
    expect(loads).toBe(3); // still watched once

    unwatchToo();
    fake.emit(['programs']);
    await settle();
    expect(loads).toBe(3);
  });

  it('a change during a load brings one more load after it, not a second one in parallel', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let calls = 0;
    let value = '';
    const live = liveLoader(['letters'], () => answers[calls++]!.promise, (v) => (value = v), () => undefined);
    const unwatch = live.watch();
    fake.emit(['letters']);
    fake.emit(['letters']);
    await settle();
    expect(calls).toBe(1);
    answers[0]!.resolve('first');
    await settle();
    expect(value).toBe('first');
    expect(calls).toBe(2);
    answers[1]!.resolve('second');
    await settle();
    expect(value).toBe('second');
    unwatch();
  });

  it('drops an answer that arrives after a newer request was made', async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const queue = [slow, fast];
    let value = '';
    let failed = '';
    const live = liveLoader(['profile'], () => queue.shift()!.promise, (v) => (value = v), (m) => (failed = m));
    const first = live.load();
    const second = live.load();
    fast.resolve('new');
    await second;
    slow.resolve('old');
    await first;
    expect(value).toBe('new');
    expect(failed).toBe('');
  });

  it('accept() wins over a load still on its way; a failure of a superseded load is not shown', async () => {
    const pending = deferred<string>();
    let value = '';
    let failed = '';
    const live = liveLoader(['soap'], () => pending.promise.then((v) => (v === 'boom' ? Promise.reject(new Error('gone')) : v)), (v) => (value = v), (m) => (failed = m));
    const loading = live.load();
    live.accept('from the mutation');
    pending.resolve('boom');
    await loading;
    expect(value).toBe('from the mutation');
    expect(failed).toBe('');
  });

  it('shows the failure of the newest load', async () => {
    let failed = '';
    const live = liveLoader(['soap'], () => Promise.reject(new Error('The database is busy.')), () => undefined, (m) => (failed = m));
    await live.load();
    expect(failed).toBe('The database is busy.');
  });
});

describe('change announcements', () => {
  it('reads a ChangeEvent, its JSON text or a list; unknown names are dropped, unreadable ones mean everything', () => {
    expect(changedDomains({ domains: ['programs', 'letters'] })).toEqual(['programs', 'letters']);
    expect(changedDomains('{"domains":["soap","nonsense"]}')).toEqual(['soap']);
    expect(changedDomains(['profile'])).toEqual(['profile']);
    expect(changedDomains('not json')).toBe(ALL_DOMAINS);
    expect(changedDomains({ nothing: true })).toBe(ALL_DOMAINS);
  });

  describe('desktop: the preload bridge', () => {
    afterEach(() => {
      delete (globalThis as { prelim?: unknown }).prelim;
      setTransport(null);
    });

    it('subscribes once through prelim.onChanged and passes the domains on', () => {
      const bridgeListeners: ((e: unknown) => void)[] = [];
      let subscriptions = 0;
      (globalThis as { prelim?: unknown }).prelim = {
        invoke: () => Promise.resolve({ ok: true, value: null }),
        onChanged: (l: (e: unknown) => void) => {
          subscriptions += 1;
          bridgeListeners.push(l);
          return () => undefined;
        },
      };
      setTransport(null);
      const got: (readonly Domain[])[] = [];
      const off = onChanged((d) => got.push(d));
      const off2 = onChanged(() => undefined);
      bridgeListeners[0]!({ domains: ['interviews', 'applications'] });
      expect(subscriptions).toBe(1);
      expect(got).toEqual([['interviews', 'applications']]);
      off();
      bridgeListeners[0]!({ domains: ['letters'] });
      expect(got).toHaveLength(1);
      off2();
    });
  });

  describe('browser mode: server-sent events', () => {
    class FakeEventSource {
      static CLOSED = 2;
      static made: FakeEventSource[] = [];
      readyState = 0;
      closed = false;
      onopen: (() => void) | null = null;
      onmessage: ((e: { data: unknown }) => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly url: string) {
        FakeEventSource.made.push(this);
      }
      close() {
        this.closed = true;
        this.readyState = 2;
      }
    }
    let meta: HTMLMetaElement;

    beforeEach(() => {
      FakeEventSource.made = [];
      vi.stubGlobal('EventSource', FakeEventSource);
      meta = document.createElement('meta');
      meta.name = 'prelim-token';
      meta.content = 'tok en/1';
      document.head.append(meta);
      setTransport(null);
    });
    afterEach(() => {
      vi.useRealTimers();
      vi.unstubAllGlobals();
      meta.remove();
      setTransport(null);
    });

    it('opens one stream with the page token, passes each message on, and after a reconnect says everything may have changed', () => {
      vi.useFakeTimers();
      const got: (readonly Domain[])[] = [];
      const off = onChanged((d) => got.push(d));
      onChanged(() => undefined);
      expect(FakeEventSource.made).toHaveLength(1);
      const es = FakeEventSource.made[0]!;
      expect(es.url).toBe('api/events?token=tok%20en%2F1');
      es.onopen!();
      es.onmessage!({ data: JSON.stringify({ domains: ['programs'] }) });
      expect(got).toEqual([['programs']]);

      // A dropped connection the browser re-opens by itself: events may have been missed.
      es.onerror!();
      es.onopen!();
      expect(got[1]).toBe(ALL_DOMAINS);

      // A stream the server closed (e.g. 403): opened again later, then everything reloads.
      es.readyState = FakeEventSource.CLOSED;
      es.onerror!();
      expect(es.closed).toBe(true);
      expect(FakeEventSource.made).toHaveLength(1);
      vi.advanceTimersByTime(1000);
      expect(FakeEventSource.made).toHaveLength(2);
      FakeEventSource.made[1]!.onopen!();
      expect(got[2]).toBe(ALL_DOMAINS);
      off();
    });

    it('passes on what this page wrote while its stream was still connecting (that announcement went out before the stream was there)', async () => {
      // As the main process answers: a write names the domains it changed, a read none.
      setTransport(async (method) => (method === 'readiness.tick' ? { ok: true, value: { ok: true }, writes: ['readiness'] } : { ok: true, value: { ok: true } }));
      const got: (readonly Domain[])[] = [];
      const off = onChanged((d) => got.push(d));
      await api('readiness.tick', { itemId: 'cv-order', done: true } as never);
      await api('profile.get');
      expect(got).toEqual([]);
      FakeEventSource.made[0]!.onopen!();
      expect(got).toEqual([['readiness']]);
      // Once open, the stream brings the announcements.
      await api('readiness.tick', { itemId: 'cv-order', done: false } as never);
      expect(got).toHaveLength(1);
      off();
    });
  });
});
