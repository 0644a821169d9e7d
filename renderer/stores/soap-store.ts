// The SOAP screen's state: the overview the main process computed, replaced by every
// mutation's answer (so the screen never shows a guess).
import { create } from 'zustand';
import type { InputOf, Method } from '../../shared/api/contract';
import type { SoapImportResult, SoapOverview } from '../../shared/api/soap-api';
import type { Domain } from '../../shared/api/domains';
import { api, errorMessage } from '../api/client';
import { liveLoader } from './live';

/** The overview is computed from the SOAP state, the programs with their tiers (profile), the season's dates (active season and corrections), the zone, the letters and documents its readiness items count, and the application Matched in the Main Match (SOAP does not apply then). */
export const SOAP_READS: readonly Domain[] = ['soap', 'profile', 'programs', 'settings', 'calendar', 'letters', 'documents', 'seasons', 'applications'];

type OverviewMethod = Exclude<Extract<Method, `soap.${string}`>, 'soap.overview' | 'soap.importUnfilled'>;

interface SoapStore {
  overview: SoapOverview | null;
  /** The last refusal or failure, shown in a banner until the next success. */
  error: string | null;
  lastImport: SoapImportResult['summary'] | null;
  busy: boolean;
  load(): Promise<void>;
  watch(): () => void;
  /** Runs a SOAP mutation; true when it succeeded. */
  run<M extends OverviewMethod>(method: M, input: InputOf<M>): Promise<boolean>;
  importUnfilled(text: string): Promise<boolean>;
  clearError(): void;
}

export const useSoapStore = create<SoapStore>((set) => {
  const live = liveLoader(SOAP_READS, () => api('soap.overview'), (overview) => set({ overview }), (error) => set({ error }));
  return {
    overview: null,
    error: null,
    lastImport: null,
    busy: false,
    load: live.load,
    watch: live.watch,
    async run(method, input) {
      set({ busy: true });
      try {
        const overview = (await (api as (m: string, i: unknown) => Promise<SoapOverview>)(method, input));
        live.accept(overview);
        set({ error: null, busy: false });
        return true;
      } catch (err) {
        set({ error: errorMessage(err), busy: false });
        return false;
      }
    },
    async importUnfilled(text) {
      set({ busy: true });
      try {
        const r = await api('soap.importUnfilled', { text });
        live.accept(r.overview);
        set({ lastImport: r.summary, error: null, busy: false });
        return true;
      } catch (err) {
        set({ error: errorMessage(err), busy: false });
        return false;
      }
    },
    clearError: () => set({ error: null }),
  };
});
