import { create } from 'zustand';
import type { CalendarSettingsValue } from '../../shared/api/calendar-api';
import type { CalendarSettings, ProgramDeadline, ProgramDeadlineInput, ResolvedSeasonEvent, SeasonCorrectionInput } from '../../shared/domain/season-calendar';
import type { Agenda } from '../../shared/engine/agenda';
import { api, errorMessage } from '../api/client';

interface CalendarState {
  agenda: Agenda | null;
  season: ResolvedSeasonEvent[];
  deadlines: ProgramDeadline[];
  settings: CalendarSettingsValue | null;
  loadError: string | null;
  load(): Promise<void>;
  /** The mutations throw ApiCallError when refused (nothing is written then). */
  correct(input: SeasonCorrectionInput): Promise<void>;
  resetCorrection(eventId: string): Promise<void>;
  saveDeadline(input: ProgramDeadlineInput): Promise<void>;
  deleteDeadline(id: number): Promise<void>;
  saveSettings(settings: CalendarSettings): Promise<void>;
}

export const useCalendarStore = create<CalendarState>((set, get) => ({
  agenda: null,
  season: [],
  deadlines: [],
  settings: null,
  loadError: null,
  async load() {
    try {
      const [agenda, season, deadlines, settings] = await Promise.all([api('calendar.agenda'), api('calendar.season'), api('deadlines.list'), api('calendar.settings')]);
      set({ agenda, season, deadlines, settings, loadError: null });
    } catch (err) {
      set({ loadError: errorMessage(err) });
    }
  },
  async correct(input) {
    await api('calendar.correct', input);
    await get().load();
  },
  async resetCorrection(eventId) {
    await api('calendar.resetCorrection', { eventId });
    await get().load();
  },
  async saveDeadline(input) {
    await api('deadlines.save', input);
    await get().load();
  },
  async deleteDeadline(id) {
    await api('deadlines.delete', { id });
    await get().load();
  },
  async saveSettings(settings) {
    await api('calendar.saveSettings', settings);
    await get().load();
  },
}));
