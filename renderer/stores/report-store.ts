// The advisor report: the sections the user picked and the report built for them.
import { create } from 'zustand';
import type { Domain } from '../../shared/api/domains';
import { REPORT_SECTIONS, type AdvisorReport, type ReportSection } from '../../shared/engine/advisor-report';
import { api } from '../api/client';
import { liveLoader } from './live';

/** The report reads nearly everything. */
export const REPORT_READS: readonly Domain[] = ['profile', 'programs', 'settings', 'applications', 'interviews', 'letters', 'documents', 'readiness', 'calendar', 'soap', 'seasons'];

interface ReportState {
  sections: ReportSection[];
  includePrivate: boolean;
  report: AdvisorReport | null;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  setSection(section: ReportSection, on: boolean): void;
  setIncludePrivate(on: boolean): void;
}

export const useReportStore = create<ReportState>((set, get) => {
  const live = liveLoader(
    REPORT_READS,
    () => api('report.build', { sections: get().sections.length ? get().sections : ['profile'], includePrivate: get().includePrivate }),
    (report) => set({ report, loadError: null }),
    (loadError) => set({ loadError }),
  );
  return {
    sections: [...REPORT_SECTIONS],
    includePrivate: false,
    report: null,
    loadError: null,
    load: live.load,
    watch: live.watch,
    setSection(section, on) {
      const next = REPORT_SECTIONS.filter((s) => (s === section ? on : get().sections.includes(s)));
      set({ sections: next });
      if (next.length) void live.load();
    },
    setIncludePrivate(on) {
      set({ includePrivate: on });
      void live.load();
    },
  };
});
