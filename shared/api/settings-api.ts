// The app's own settings (the calendar's zone and reminders are in calendar-api).
import { z } from 'zod';
import { method, noInput } from './define';

export interface SettingsValue {
  feesCombineTracks: boolean;
}

export const settingsApi = {
  'settings.get': method<SettingsValue>()(noInput),
  'settings.save': method<SettingsValue>()(z.object({ feesCombineTracks: z.boolean() }).strict(), { writes: ['settings'] }),
};
