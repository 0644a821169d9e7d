// Change announcements: every contract method declares the domains it writes; the dispatcher
// announces exactly those after a successful call, nothing after a read or a refused call;
// the tables a write really changed all belong to its declared domains.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, writesOf, type Method } from '../../shared/api/contract';
import { ALL_DOMAINS, DOMAINS, type ChangeEvent, type Domain } from '../../shared/api/domains';
import { createDispatcher } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import type { Handlers } from '../../shared/api/contract';
import { AppError } from '../../electron/errors';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, openTestServices } from './helpers';

/** The domain each table's rows belong to (app_meta is the app's own bookkeeping). */
const TABLE_DOMAINS: Record<string, Domain | null> = {
  app_meta: null,
  profile: 'profile',
  usce_entry: 'profile',
  institution: 'programs',
  program: 'programs',
  program_unfilled: 'programs',
  tier_override: 'programs',
  setting: 'settings',
  calendar_setting: 'settings',
  application: 'applications',
  application_event: 'applications',
  interview: 'interviews',
  rank_entry: 'interviews',
  rank_list_meta: 'interviews',
  prep_card: 'interviews',
  letter_writer: 'letters',
  letter: 'letters',
  letter_assignment: 'letters',
  letter_settings: 'letters',
  document_version: 'documents',
  application_document: 'documents',
  communication: 'communications',
  message_template: 'communications',
  readiness_tick: 'readiness',
  season_correction: 'calendar',
  program_deadline: 'calendar',
  ics_export: 'calendar',
  reminder_log: 'reminders',
  soap_state: 'soap',
  soap_plan_entry: 'soap',
  soap_unfilled: 'soap',
  soap_application: 'soap',
  season: 'seasons',
  season_archive: 'seasons',
  prelim_plan: 'prelim',
  prelim_item: 'prelim',
  prelim_opening: 'prelim',
  prelim_path: 'prelim',
  prelim_contact: 'prelim',
  invitation: 'interviews',
  interview_travel: 'interviews',
  season_choice: 'settings',
};

function changedDomains(before: Record<string, unknown[]>, after: Record<string, unknown[]>): Set<Domain> {
  const changed = new Set<Domain>();
  for (const table of Object.keys(after)) {
    if (JSON.stringify(before[table]) !== JSON.stringify(after[table])) {
      const domain = TABLE_DOMAINS[table];
      if (domain === undefined) throw new Error(`Table ${table} has no domain in TABLE_DOMAINS`);
      if (domain !== null) changed.add(domain);
    }
  }
  return changed;
}

function openRecorded() {
  const t = openTestServices();
  const events: ChangeEvent[] = [];
  t.services.onChange((e) => events.push(e));
  return { ...t, events };
}

describe('the contract declares what each method writes', () => {
  it('declares only known domains, no duplicates, and reads declare none', () => {
    for (const m of Object.keys(contract) as Method[]) {
      const writes = writesOf(m);
      expect(writes.every((d) => (DOMAINS as readonly string[]).includes(d)), m).toBe(true);
      expect(new Set(writes).size, m).toBe(writes.length);
    }
    // Spot checks of the rule "restore and whole-database import change everything".
    expect([...writesOf('backups.restore')].sort()).toEqual([...ALL_DOMAINS].sort());
    expect([...writesOf('import.all')].sort()).toEqual([...ALL_DOMAINS].sort());
    expect(writesOf('programs.list')).toEqual([]);
    expect(writesOf('profile.save')).toEqual(['profile']);
  });

  it('maps every table of a freshly migrated database to a domain', () => {
    const { db } = openTestServices();
    const tables = Object.keys(dumpDb(db));
    expect(tables.filter((t) => !(t in TABLE_DOMAINS))).toEqual([]);
  });
});

describe('the dispatcher announces a successful write', () => {
  const stub = (impl: (input: unknown) => unknown) => new Proxy({}, { get: () => impl }) as Handlers;

  it('announces exactly the declared domains, once, after the handler returned', async () => {
    const seen: Domain[][] = [];
    let handled = false;
    const dispatch = createDispatcher(
      stub(() => {
        handled = true;
        expect(seen).toEqual([]);
        return { ok: true };
      }),
      { onChange: (d) => seen.push(d) },
    );
    const r = await dispatch('applications.delete', { id: 3 });
    expect(r.ok).toBe(true);
    expect(handled).toBe(true);
    expect(seen).toEqual([[...writesOf('applications.delete')]]);
    // The answer names them too (a page whose event stream was still connecting passes them on).
    expect(r).toEqual({ ok: true, value: { ok: true }, writes: writesOf('applications.delete') });
    // A read's answer names none.
    expect(await createDispatcher(stub(() => ({ ok: true })))('programs.list', undefined)).toEqual({ ok: true, value: { ok: true } });
  });

  it('announces nothing for a read, a refused input, an AppError or a crash', async () => {
    const seen: Domain[][] = [];
    const quiet = () => {};
    const ok = createDispatcher(stub(() => ({})), { onChange: (d) => seen.push(d) });
    expect((await ok('programs.list', undefined)).ok).toBe(true);
    expect((await ok('profile.save', { step2ckScore: 400 })).ok).toBe(false);
    expect((await ok('nope.nothing', undefined)).ok).toBe(false);
    const refused = createDispatcher(stub(() => { throw new AppError('conflict', 'no'); }), { onChange: (d) => seen.push(d) });
    expect((await refused('programs.delete', { id: 1 })).ok).toBe(false);
    const crashed = createDispatcher(stub(() => { throw new Error('boom'); }), { onChange: (d) => seen.push(d), onUnexpected: quiet });
    expect((await crashed('programs.delete', { id: 1 })).ok).toBe(false);
    expect(seen).toEqual([]);
  });

  it('keeps a successful write successful when a listener throws', async () => {
    const dispatch = createDispatcher(stub(() => ({ ok: true })), {
      onChange: () => {
        throw new Error('listener broke');
      },
    });
    const spy = console.error;
    console.error = () => {};
    try {
      expect(await dispatch('readiness.tick', { itemId: 'eras.cv-ordered', done: true })).toEqual({ ok: true, value: { ok: true }, writes: ['readiness'] });
    } finally {
      console.error = spy;
    }
  });
});

describe('real writes on a real database', () => {
  it('each write announces its declared domains, and every table it changed belongs to one of them', async () => {
    const t = openRecorded();
    const ids: Record<string, number> = {};
    type Step = { method: Method; input: () => unknown; remember?: (value: unknown) => void };
    const steps: Step[] = [
      { method: 'profile.save', input: () => seedExampleProfile() },
      {
        method: 'institutions.save',
        input: () => ({ institution: institution(), tracks: [track('preliminary'), track('categorical')] }),
        remember: (v) => {
          const saved = v as { institution: { id: number }; programs: { id: number }[] };
          ids.institution = saved.institution.id;
          ids.prelim = saved.programs[0]!.id;
          ids.cat = saved.programs[1]!.id;
        },
      },
      { method: 'tiers.override', input: () => ({ programId: ids.prelim, outcome: 'tier1', note: 'PD knows my mentor' }) },
      { method: 'programs.setOnList', input: () => ({ ids: [ids.prelim], onList: true }) },
      { method: 'settings.save', input: () => ({ feesCombineTracks: true }) },
      {
        method: 'applications.create',
        input: () => ({ programIds: [ids.prelim, ids.cat], date: '2026-09-01' }),
        remember: (v) => {
          const r = v as { created: { id: number }[] };
          ids.app1 = r.created[0]!.id;
          ids.app2 = r.created[1]!.id;
        },
      },
      { method: 'applications.setStatus', input: () => ({ ids: [ids.app1], status: 'submitted', date: '2026-09-02' }) },
      { method: 'applications.update', input: () => ({ id: ids.app1, notes: 'Called the coordinator' }) },
      { method: 'interviews.save', input: () => ({ applicationId: ids.app1, date: '2026-10-01', invitedOn: '2026-10-01' }) },
      {
        // An applications file with an invite and an interview date: the application, its invitation and its interview.
        method: 'import.run',
        input: () => {
          const csv = 'NRMP code,Status,Submitted on,Invite date,Interview date\n1234440C0,Interviewed,2026-09-02,Oct 20,2026-11-02\n';
          return { kind: 'applications', file: { name: 'apps.csv', base64: Buffer.from(csv).toString('base64') }, mapping: ['nrmpCode', 'status', 'submittedOn', 'inviteDate', 'interviewDate'] };
        },
      },
      { method: 'prepCard.save', input: () => ({ ownership: 'I did not plan Step 1 well.', reflection: 'Plans matter.', evidence: 'CK +17', reassurance: 'Strong rotations' }) },
      { method: 'rankList.setFee', input: () => ({ extraRankFee: 35 }) },
      { method: 'writers.save', input: () => ({ name: 'Dr. Jane Smith', location: 'us', isSurgeon: true }), remember: (v) => (ids.writer = (v as { id: number }).id) },
      { method: 'letters.save', input: () => ({ writerId: ids.writer }), remember: (v) => (ids.letter = (v as { id: number }).id) },
      { method: 'letters.setStage', input: () => ({ id: ids.letter, stage: 'asked', date: '2026-07-01' }) },
      { method: 'letters.assign', input: () => ({ applicationId: ids.app2, letterId: ids.letter, assigned: true, date: '2026-08-02' }) },
      { method: 'letters.saveSettings', input: () => ({ reminderDays: 21 }) },
      { method: 'documents.save', input: () => ({ kind: 'personal_statement_surgery', title: 'PS surgery', date: '2026-08-01' }), remember: (v) => (ids.doc = (v as { id: number }).id) },
      { method: 'documents.assign', input: () => ({ applicationIds: [ids.app2], documentId: ids.doc, date: '2026-08-01' }) },
      { method: 'communications.log', input: () => ({ programId: ids.prelim, channel: 'phone', date: '2026-09-11', notes: 'Called the coordinator' }) },
      { method: 'templates.save', input: () => ({ name: 'Update', purpose: 'other', subject: 'New score', body: 'New score: {{step2ckScore}}' }) },
      { method: 'readiness.tick', input: () => ({ itemId: 'eras.cv-ordered', done: true }) },
      { method: 'calendar.correct', input: () => ({ eventId: 'rol-deadline', date: '2027-03-04', time: '21:00', note: 'NRMP published it' }) },
      { method: 'calendar.saveSettings', input: () => ({ timeZone: 'America/New_York', remindersEnabled: true, reminderDays: 3 }) },
      { method: 'deadlines.save', input: () => ({ programId: ids.prelim, title: 'Supplemental', dueDate: '2026-12-18' }) },
      { method: 'calendar.exportIcs', input: () => undefined },
      { method: 'reminders.markShown', input: () => ({ keys: ['deadline-1'] }) },
      { method: 'soap.setMatchStatus', input: () => ({ matchStatus: 'unmatched' }) },
      { method: 'soap.planAdd', input: () => ({ programIds: [ids.prelim] }) },
      { method: 'sample.load', input: () => ({ institutions: 2 }) },
      { method: 'sample.remove', input: () => undefined },
      { method: 'applications.delete', input: () => ({ id: ids.app2 }) },
      { method: 'institutions.delete', input: () => ({ id: ids.institution }) },
      { method: 'prelim.open', input: () => ({ matchYear: 2027, programLabel: 'Alpha Community Hospital (Preliminary)' }) },
      { method: 'seasons.startNext', input: () => ({ from: 2027 }) },
    ];
    const covered = new Set<Domain>();
    for (const step of steps) {
      const before = dumpDb(t.services.db);
      t.events.length = 0;
      const r = await t.services.dispatch(step.method, step.input());
      expect(r, `${step.method}: ${JSON.stringify(r)}`).toMatchObject({ ok: true });
      if (r.ok) step.remember?.(r.value);
      const declared = writesOf(step.method);
      expect(t.events, step.method).toEqual([{ domains: [...declared] }]);
      const changed = changedDomains(before, dumpDb(t.services.db));
      expect([...changed].filter((d) => !declared.includes(d)), `${step.method} changed undeclared domains`).toEqual([]);
      expect(changed.size, `${step.method} changed nothing`).toBeGreaterThan(0);
      for (const d of changed) covered.add(d);
    }
    // The scenario reaches every domain stored in the database.
    expect([...covered].sort()).toEqual(DOMAINS.filter((d) => d !== 'backups').sort());
  });

  it('a season choice (the geographic preference, the signal budget) announces exactly what it writes: settings, not the profile', async () => {
    const t = openRecorded();
    await t.services.dispatch('profile.save', seedExampleProfile());
    for (const [method, input] of [
      ['geoPreference.save', { noPreference: false, divisions: ['east_north_central'], note: 'Family in Ohio' }],
      ['signals.setBudget', { budget: 12 }],
    ] as const) {
      const before = dumpDb(t.services.db);
      t.events.length = 0;
      expect(await t.services.dispatch(method, input), method).toMatchObject({ ok: true });
      const changed = [...changedDomains(before, dumpDb(t.services.db))];
      expect(changed, method).toEqual(['settings']);
      expect(t.events, method).toEqual([{ domains: changed }]);
    }
  });

  it('reads write nothing and announce nothing', async () => {
    const t = openRecorded();
    await t.call('profile.save', seedExampleProfile());
    const saved = await t.call('institutions.save', { institution: institution(), tracks: [track('preliminary')] });
    await t.call('applications.create', { programIds: [saved.programs[0]!.id], date: '2026-09-01' });
    const reads = (Object.keys(contract) as Method[]).filter((m) => writesOf(m).length === 0);
    expect(reads.length).toBeGreaterThan(20);
    const readAll = async () => {
      for (const m of reads) {
        const input = m === 'applications.history' ? { id: 1 } : m === 'communications.list' ? {} : undefined;
        const r = await t.services.dispatch(m, input);
        if (!r.ok) expect(r.error.code, m).toBe('invalid_input'); // reads that need an input (previews) are covered elsewhere
      }
    };
    // The first templates.list puts the built-in templates in once (a lazy seed, not a change
    // the user made); from then on reading must leave every row as it was.
    await readAll();
    t.events.length = 0;
    const before = dumpDb(t.services.db);
    await readAll();
    expect(dumpDb(t.services.db)).toEqual(before);
    expect(t.events).toEqual([]);
  });

  it('a refused write announces nothing', async () => {
    const t = openRecorded();
    const r = await t.services.dispatch('programs.delete', { id: 999 });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(t.events).toEqual([]);
  });

  it('restoring a backup and loading a whole-database JSON file announce every domain', async () => {
    const source = openRecorded();
    await source.call('profile.save', seedExampleProfile());
    const exported = await source.call('export.all');
    const backup = await source.call('backups.create');
    expect(source.events.at(-1)).toEqual({ domains: ['backups'] });
    source.events.length = 0;
    await source.call('backups.restore', { file: backup.file });
    expect(source.events.map((e) => [...e.domains].sort())).toEqual([[...ALL_DOMAINS].sort()]);

    const target = openRecorded();
    await target.call('import.all', { file: { name: 'all.json', base64: exported.base64 } });
    expect(target.events.map((e) => [...e.domains].sort())).toEqual([[...ALL_DOMAINS].sort()]);
  });
});

describe('the handler map and the preload', () => {
  it('handlers exist for exactly the contract methods', () => {
    const { db, file } = openTestServices();
    expect(Object.keys(createHandlers({ db, databasePath: file, mode: 'browser' })).sort()).toEqual(Object.keys(contract).sort());
  });

  it('the preload uses the same channel names as the shared contract', async () => {
    const { IPC_CHANNEL } = await import('../../shared/api/contract');
    const { CHANGE_CHANNEL } = await import('../../shared/api/domains');
    const preload = fs.readFileSync(path.resolve(__dirname, '../../electron/shell/preload.ts'), 'utf8');
    expect(preload).toContain(`const IPC_CHANNEL = '${IPC_CHANNEL}'`);
    expect(preload).toContain(`const CHANGE_CHANNEL = '${CHANGE_CHANNEL}'`);
    expect(preload).toMatch(/onChanged: \(listener/);
  });
});
