// The Deadlines screen: the agenda (computed from every dated thing), the season's dates,
// program deadlines and the calendar settings.
import { create } from 'zustand';
import type { CalendarSettingsValue } from '../../shared/api/calendar-api';
import type { CalendarSettings, ProgramDeadline, ProgramDeadlineInput, ResolvedSeasonEvent, SeasonCorrectionInput } from '../../shared/domain/season-calendar';
import type { Agenda } from '../../shared/engine/agenda';
import { api } from '../api/client';
import { DASHBOARD_READS } from './dashboard-store';
import { liveLoader } from './live';

interface CalendarData {
  agenda: Agenda;
  season: ResolvedSeasonEvent[];
  deadlines: ProgramDeadline[];
  settings: CalendarSettingsValue;
}

interface CalendarState {
  agenda: Agenda | null;
  season: ResolvedSeasonEvent[];
  deadlines: ProgramDeadline[];
  settings: CalendarSettingsValue | null;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** The mutations throw ApiCallError when refused (nothing is written then). */
  correct(input: SeasonCorrectionInput): Promise<void>;
  resetCorrection(eventId: string): Promise<void>;
  saveDeadline(input: ProgramDeadlineInput): Promise<void>;
  deleteDeadline(id: number): Promise<void>;
  saveSettings(settings: CalendarSettings): Promise<void>;
  /** Every dated item as an .ics file (the app remembers what it exported, for SEQUENCE). */
  exportIcs(): Promise<{ filename: string; content: string; events: number }>;
}

async function fetchCalendar(): Promise<CalendarData> {
  const [agenda, season, deadlines, settings] = await Promise.all([api('calendar.agenda'), api('calendar.season'), api('deadlines.list'), api('calendar.settings')]);
  return { agenda, season, deadlines, settings };
}

export const useCalendarStore = create<CalendarState>((set) => {
  // The agenda is built from the same sources as the dashboard's.
  const live = liveLoader(DASHBOARD_READS, fetchCalendar, (data) => set({ ...data, loadError: null }), (loadError) => set({ loadError }));
  return {
    agenda: null,
    season: [],
    deadlines: [],
    settings: null,
    loadError: null,
    load: live.load,
    watch: live.watch,
    async correct(input) {
      await api('calendar.correct', input);
    },
    async resetCorrection(eventId) {
      await api('calendar.resetCorrection', { eventId });
    },
    async saveDeadline(input) {
      await api('deadlines.save', input);
    },
    async deleteDeadline(id) {
      await api('deadlines.delete', { id });
    },
    async saveSettings(settings) {
      await api('calendar.saveSettings', settings);
    },
    exportIcs: () => api('calendar.exportIcs'),
  };
});
