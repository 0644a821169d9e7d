// The app's own settings.
import type { Handlers } from '../../shared/api/contract';
import type { settingsApi } from '../../shared/api/settings-api';
import type { HandlerContext } from './context';

export function createSettingsHandlers({ repos }: HandlerContext): Pick<Handlers, keyof typeof settingsApi> {
  return {
    'settings.get': () => repos.list.settings(),
    'settings.save': (settings) => repos.list.saveSettings(settings),
  };
}
