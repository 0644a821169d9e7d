import { act, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyScreen } from '../../renderer/lazy-screen';

/** A screen module whose loading the test finishes by hand; counts mounts. */
function deferredScreen(text: string) {
  const mounts: string[] = [];
  let finish!: () => void;
  const loaded = new Promise<void>((resolve) => (finish = resolve));
  let loads = 0;
  function Screen() {
    useEffect(() => {
      mounts.push(text);
    }, []);
    return <h1>{text}</h1>;
  }
  const Lazy = lazyScreen(async () => {
    loads++;
    await loaded;
    return { default: Screen };
  });
  return { Lazy, finish, mounts, loads: () => loads };
}

describe('lazyScreen', () => {
  it('renders a preloaded screen at once, with no "Loading…" in between', async () => {
    const s = deferredScreen('Programs');
    const preload = s.Lazy.preload();
    s.finish();
    await preload;
    render(<s.Lazy />);
    // Synchronously there: no fallback was ever committed.
    expect(screen.getByRole('heading', { name: 'Programs' })).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(s.loads()).toBe(1);
  });

  it('shows "Loading…" for a screen opened before its code is here, then the screen, mounted once', async () => {
    const s = deferredScreen('Dashboard');
    const view = render(<s.Lazy />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    await act(async () => {
      s.finish();
      await s.Lazy.preload();
    });
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    // Re-rendered after the code arrived: still the same mount (no switch to the direct tree).
    view.rerender(<s.Lazy />);
    expect(screen.getByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    expect(s.mounts).toEqual(['Dashboard']);
    expect(s.loads()).toBe(1);
  });

  it('loads again after a failed load (e.g. the host restarted)', async () => {
    let attempt = 0;
    const Lazy = lazyScreen(() => {
      attempt++;
      return attempt === 1 ? Promise.reject(new Error('chunk failed')) : Promise.resolve({ default: () => <p>ok</p> });
    });
    await expect(Lazy.preload()).rejects.toThrow('chunk failed');
    await Lazy.preload();
    render(<Lazy />);
    expect(screen.getByText('ok')).toBeTruthy();
  });
});
