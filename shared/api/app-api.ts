import { method, noInput } from './define';

export interface AppInfo {
  version: string;
  schemaVersion: number;
  databasePath: string;
  mode: 'desktop' | 'browser';
}

export const appApi = {
  'app.info': method<AppInfo>()(noInput),
};
