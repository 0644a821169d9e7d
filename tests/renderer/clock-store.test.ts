// One today in the renderer: localToday counts days in the zone the main process uses (the
// calendar settings' zone, else the computer's), and follows a change of that setting.
import { afterEach, describe, expect, it } from 'vitest';
import { setTransport } from '../../renderer/api/client';
import { localToday, setTodayZone } from '../../renderer/components/format';
import { useClockStore } from '../../renderer/stores/clock-store';

afterEach(() => {
  setTodayZone(null);
  setTransport(null);
});

describe('the renderer today', () => {
  // 10:30 UTC on 29 Nov is already 30 Nov in Kiritimati (UTC+14) and still 29 Nov in Honolulu (UTC-10).
  const at = new Date('2026-11-29T10:30:00Z');

  it('is the date in the zone set, whatever the computer\'s zone', () => {
    setTodayZone('Pacific/Kiritimati');
    expect(localToday(at)).toBe('2026-11-30');
    setTodayZone('Pacific/Honolulu');
    expect(localToday(at)).toBe('2026-11-29');
  });

  it('falls back to the computer\'s zone for an unknown zone name', () => {
    setTodayZone('Not/AZone');
    const p = (n: number) => String(n).padStart(2, '0');
    expect(localToday(at)).toBe(`${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`);
  });

  it('takes the zone from the main process and follows a change of the setting', async () => {
    let zone = 'Pacific/Kiritimati';
    const listeners = new Set<(event: unknown) => void>();
    (globalThis as { prelim?: unknown }).prelim = {
      async invoke(method: string, input: unknown) {
        if (method === 'calendar.settings') return { ok: true, value: { timeZone: zone, effectiveTimeZone: zone } };
        if (method === 'calendar.saveSettings') {
          zone = (input as { timeZone: string }).timeZone;
          for (const l of [...listeners]) l({ domains: ['settings'] });
          return { ok: true, value: { timeZone: zone, effectiveTimeZone: zone } };
        }
        return { ok: false, error: { code: 'unknown_method', message: method } };
      },
      onChanged(listener: (event: unknown) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    setTransport(null);
    const unwatch = useClockStore.getState().watch();
    await expect.poll(() => useClockStore.getState().timeZone).toBe('Pacific/Kiritimati');
    expect(localToday(at)).toBe('2026-11-30');
    await (globalThis as unknown as { prelim: { invoke(m: string, i: unknown): Promise<unknown> } }).prelim.invoke('calendar.saveSettings', { timeZone: 'Pacific/Honolulu' });
    await expect.poll(() => useClockStore.getState().timeZone).toBe('Pacific/Honolulu');
    expect(localToday(at)).toBe('2026-11-29');
    unwatch();
  });
});
