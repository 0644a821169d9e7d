// The one API contract between the renderer and the main process. Each domain keeps its
// methods in its own file; this map joins them. The main process implements a handler for
// every key (checked by the compiler), the renderer calls them through one typed client.
import type { z } from 'zod';
import type { ApiResult } from './define';
import type { Domain } from './domains';
import { appApi } from './app-api';
import { profileApi } from './profile-api';
import { programsApi } from './programs-api';
import { tiersApi } from './tiers-api';
import { settingsApi } from './settings-api';
import { sampleApi } from './sample-api';
import { backupApi } from './backup-api';
import { applicationsApi } from './applications-api';
import { soapApi } from './soap-api';
import { lettersApi } from './letters-api';
import { documentsApi } from './documents-api';
import { communicationsApi } from './communications-api';
import { readinessApi } from './readiness-api';
import { calendarApi } from './calendar-api';
import { deadlinesApi } from './deadlines-api';
import { remindersApi } from './reminders-api';
import { dashboardApi } from './dashboard-api';
import { pipelineApi } from './pipeline-api';
import { transferApi } from './transfer-api';
import { seasonsApi } from './seasons-api';
import { prelimApi } from './prelim-api';
import { reportApi } from './report-api';
import { programTableApi } from './program-table-api';
import { signalsApi } from './signals-api';
import { invitationsApi } from './invitations-api';
import { costsApi } from './costs-api';

export const contract = {
  ...appApi,
  ...profileApi,
  ...programsApi,
  ...tiersApi,
  ...settingsApi,
  ...sampleApi,
  ...backupApi,
  ...applicationsApi,
  ...soapApi,
  ...lettersApi,
  ...documentsApi,
  ...communicationsApi,
  ...readinessApi,
  ...calendarApi,
  ...deadlinesApi,
  ...remindersApi,
  ...dashboardApi,
  ...pipelineApi,
  ...transferApi,
  ...seasonsApi,
  ...prelimApi,
  ...reportApi,
  ...programTableApi,
  ...signalsApi,
  ...invitationsApi,
  ...costsApi,
};

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller passes (before parsing). */
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing and normalising). */
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type OutputOf<M extends Method> = Contract[M]['output'];

export type Handlers = { [M in Method]: (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>> };

/** The domains a successful call of this method changes (none for a read). */
export function writesOf(method: Method): readonly Domain[] {
  return contract[method].writes;
}

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The single IPC channel name. */
export const IPC_CHANNEL = 'prelim:invoke';

export type { ApiResult };
