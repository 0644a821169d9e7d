// The user's today in the renderer: the zone the main process counts days in (the calendar
// settings' zone, else this computer's), so a date field's default and the tiers, the
// dashboard and Deadlines agree on which day it is, also around midnight.
import { create } from 'zustand';
import { api } from '../api/client';
import { setTodayZone } from '../components/format';
import { liveLoader } from './live';

interface ClockState {
  /** The zone days are counted in; null until the main process answered. */
  timeZone: string | null;
  load(): Promise<void>;
  watch(): () => void;
}

export const useClockStore = create<ClockState>((set) => {
  const live = liveLoader(
    ['settings'],
    () => api('calendar.settings'),
    (s) => {
      setTodayZone(s.effectiveTimeZone);
      set({ timeZone: s.effectiveTimeZone });
    },
    // Without an answer, today stays this computer's.
    () => undefined,
  );
  return { timeZone: null, load: live.load, watch: live.watch };
});
