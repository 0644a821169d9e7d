// A write through one method, announced by the (faked) desktop main process, makes each
// store that is shown and reads a changed domain reload exactly once; stores that read
// none of them, or that no screen shows, do not ask the main process for anything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTransport } from '../../renderer/api/client';
import { useBackupsStore } from '../../renderer/stores/backups-store';
import { useDashboardStore } from '../../renderer/stores/dashboard-store';
import { useLettersStore } from '../../renderer/stores/letters-store';
import { useMessagesStore } from '../../renderer/stores/messages-store';
import { usePipelineStore } from '../../renderer/stores/pipeline-store';
import { useProfileStore } from '../../renderer/stores/profile-store';
import { useProgramsStore } from '../../renderer/stores/programs-store';
import { useReadinessStore } from '../../renderer/stores/readiness-store';
import { useSignalsStore } from '../../renderer/stores/signals-store';
import { useSoapStore } from '../../renderer/stores/soap-store';
import { useReportStore } from '../../renderer/stores/report-store';
import { useTiersStore } from '../../renderer/stores/tiers-store';
import { ALL_DOMAINS } from '../../shared/api/domains';
import { writesOf } from './fake-transport';

/** The desktop preload as the page sees it: invoke, and onChanged fed by the main process's announcements. */
function fakeDesktop(answers: Record<string, unknown>) {
  const calls: string[] = [];
  const listeners = new Set<(event: unknown) => void>();
  (globalThis as { prelim?: unknown }).prelim = {
    async invoke(method: string) {
      calls.push(method);
      if (!(method in answers)) return { ok: false, error: { code: 'unknown_method', message: `no answer for ${method}` } };
      // The dispatcher announces a successful write's domains before it answers.
      const writes = writesOf(method);
      if (writes.length > 0) for (const l of [...listeners]) l({ domains: [...writes] });
      return { ok: true, value: answers[method] };
    },
    onChanged(listener: (event: unknown) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  setTransport(null);
  return { count: (method: string) => calls.filter((c) => c === method).length, calls };
}

/** Lets every queued reload start and finish (they are queued on macrotasks). */
async function settle() {
  for (let i = 0; i < 10; i += 1) await new Promise((r) => setTimeout(r, 0));
}

const ANSWERS: Record<string, unknown> = {
  // The programs store loads the list with its tier summaries (the tiers store shares it).
  'programs.table': { today: '2026-11-25', profileSaved: false, geoDivisions: [], institutions: [], programs: [], tiers: [] },
  'applications.overview': [],
  'interviews.list': [],
  'dashboard.summary': null,
  'writers.list': [],
  'letters.list': [],
  'letters.assignments': [],
  'letters.settings': { reminderDays: 14 },
  'documents.list': [],
  'documents.assignments': [],
  'applications.list': [],
  'templates.list': [],
  'communications.list': [],
  'app.info': { version: '0', schemaVersion: 1, databasePath: '/x.db', mode: 'desktop' },
  'backups.list': { dir: '/b', backups: [] },
  'readiness.checklist': null,
  'profile.get': { profile: null, updatedAt: null },
  'programs.delete': { deletedInstitution: true },
  'profile.save': { profile: null, updatedAt: '2026-11-25T10:00:00Z' },
};

describe('change announcements reload the stores shown', () => {
  let offs: (() => void)[] = [];
  beforeEach(() => {
    offs = [];
  });
  afterEach(() => {
    for (const off of offs) off();
    delete (globalThis as { prelim?: unknown }).prelim;
    setTransport(null);
  });

  it('deleting a program reloads each shown store that reads one of its domains once, the others not at all', async () => {
    const desktop = fakeDesktop(ANSWERS);
    // Shown: programs, tiers, applications, the dashboard, letters, messages, backups. Not shown: readiness, profile.
    for (const store of [useProgramsStore, useTiersStore, usePipelineStore, useDashboardStore, useLettersStore, useMessagesStore, useBackupsStore]) offs.push(store.getState().watch());
    await settle();
    const firstLoads = ['programs.table', 'applications.overview', 'dashboard.summary', 'writers.list', 'templates.list', 'backups.list'];
    for (const m of firstLoads) expect(desktop.count(m), m).toBe(1);

    // programs.delete announces programs and everything a program takes with it (applications,
    // interviews, letters, documents, messages, deadlines, SOAP): one announcement, many domains.
    expect(writesOf('programs.delete')).toEqual(expect.arrayContaining(['programs', 'applications', 'letters', 'communications']));
    await useProgramsStore.getState().deleteProgram(7);
    await settle();

    for (const m of ['programs.table', 'applications.overview', 'dashboard.summary', 'writers.list', 'templates.list']) expect(desktop.count(m), m).toBe(2);
    expect(desktop.count('backups.list')).toBe(1); // shown, but reads no changed domain
    expect(desktop.count('readiness.checklist')).toBe(0); // reads programs, but not shown
    expect(desktop.count('profile.get')).toBe(0);
  });

  it('a burst of announcements is one reload; a store no longer shown stops reloading and loads afresh when shown again', async () => {
    const desktop = fakeDesktop(ANSWERS);
    const offTiers = useTiersStore.getState().watch();
    offs.push(useProfileStore.getState().watch());
    await settle();
    await Promise.all([useProfileStore.getState().save(ANSWERS['profile.get'] as never), useProfileStore.getState().save(ANSWERS['profile.get'] as never), useProgramsStore.getState().deleteProgram(1)]);
    await settle();
    expect(desktop.count('programs.table')).toBe(2);
    expect(desktop.count('profile.get')).toBe(2);

    offTiers();
    await useProgramsStore.getState().deleteProgram(2);
    await settle();
    expect(desktop.count('programs.table')).toBe(2);
    offs.push(useTiersStore.getState().watch());
    await settle();
    expect(desktop.count('programs.table')).toBe(3);
  });

  it('saving the geographic preference (a season choice: settings) reloads every shown store that shows tiers, and not the Profile', async () => {
    const geo = { noPreference: false, divisions: ['pacific'], note: '', updatedAt: '2026-11-25T10:00:00Z' };
    const desktop = fakeDesktop({ ...ANSWERS, 'geoPreference.save': geo, 'geoPreference.get': geo, 'signals.review': null, 'soap.overview': null, 'report.build': null });
    expect(writesOf('geoPreference.save')).toEqual(['settings']);
    // Shown: every screen whose tiers take the preference in (Programs, Dashboard, Signals & geography, SOAP, the report), and the Profile.
    const tiered = [useProgramsStore, useDashboardStore, useSignalsStore, useSoapStore, useReportStore];
    for (const store of [...tiered, useProfileStore]) offs.push(store.getState().watch());
    await settle();
    const reads = ['programs.table', 'dashboard.summary', 'signals.review', 'soap.overview', 'report.build'];
    for (const m of [...reads, 'profile.get']) expect(desktop.count(m), m).toBe(1);
    await useSignalsStore.getState().saveGeo({ noPreference: false, divisions: ['pacific'], note: '' });
    await settle();
    for (const m of reads) expect(desktop.count(m), m).toBe(2);
    // The profile did not change: its screen (which may hold unsaved edits) is left alone.
    expect(desktop.count('profile.get')).toBe(1);
  });

  it('the announcement of a restore (every domain) reloads every shown store once', async () => {
    const desktop = fakeDesktop({ ...ANSWERS, 'backups.restore': { restored: 'x.db', safetyBackup: null, schemaVersion: 1 } });
    expect(writesOf('backups.restore')).toEqual(ALL_DOMAINS);
    for (const store of [useProgramsStore, useBackupsStore, useReadinessStore]) offs.push(store.getState().watch());
    await settle();
    await useBackupsStore.getState().restore('x.db');
    await settle();
    for (const m of ['programs.table', 'backups.list', 'readiness.checklist']) expect(desktop.count(m), m).toBe(2);
  });
});
