import { describe, expect, it } from 'vitest';
import { contract, type Method } from '../../shared/api/contract';
import { createHandlers } from '../../electron/api/handlers';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, openTestServices } from './helpers';

const nextYear = new Date().getFullYear() + 1;
const validInstitution = { institution: institution(), tracks: [track('preliminary'), track('categorical')] };

/** For every method: inputs that must be refused. Typed by Method so a new method needs an entry. */
const BAD_INPUTS: Record<Method, unknown[]> = {
  'app.info': [{ extra: 1 }, 'x', 5],
  'profile.get': [{ extra: 1 }, [1]],
  'profile.save': [
    undefined,
    {},
    { ...seedExampleProfile(), step2ckScore: 400 },
    { ...seedExampleProfile(), graduationYear: nextYear },
    { ...seedExampleProfile(), visaNeed: 'green card' },
    { ...seedExampleProfile(), step1Attempts: -1 },
    { ...seedExampleProfile(), usce: [{ id: 'x', type: 'elective', specialty: '', surgical: true, weeks: 0, hospital: '', state: 'ZZ', handsOn: true }] },
  ],
  'programs.list': [{ extra: 1 }],
  'institutions.save': [
    undefined,
    { institution: institution(), tracks: [] },
    { institution: institution({ name: '' }), tracks: [track('preliminary')] },
    { institution: institution(), tracks: [track('preliminary', { nrmpCode: '12345' })] },
    { institution: institution(), tracks: [track('preliminary', { nrmpCode: '1234440C0' })] },
    { institution: institution({ state: 'Narnia' }), tracks: [track('preliminary')] },
    { institution: institution(), tracks: [track('preliminary', { minStep2ck: 900 })] },
    { institution: institution(), tracks: [track('preliminary'), track('preliminary', { nrmpCode: '1234440P1' })] },
  ],
  'programs.delete': [undefined, { id: 'one' }, { id: -3 }, { id: 1.5 }],
  'institutions.delete': [undefined, { id: 0 }, {}],
  'tiers.list': [{ profile: {} }],
  'tiers.override': [undefined, { programId: 1, outcome: 'tier9', note: 'x' }, { programId: 1, outcome: 'tier1', note: '' }, { programId: 1, outcome: 'tier1', note: 'x'.repeat(501) }],
  'programs.setOnList': [undefined, { ids: [], onList: true }, { ids: [1], onList: 'yes' }, { ids: ['1'], onList: true }],
  'settings.get': [{ a: 1 }],
  'settings.save': [undefined, { feesCombineTracks: 'no' }, { feesCombineTracks: true, extra: 1 }],
  'sample.load': [{ institutions: 0 }, { institutions: 100000 }, 'many'],
  'applications.list': [{ all: true }],
  'applications.create': [undefined, { programIds: [], date: '2026-11-20' }, { programIds: [1], date: '20/11/2026' }, { programIds: [1], date: '2026-11-20', status: 'sent' }, { programIds: ['1'], date: '2026-11-20' }],
  'applications.setStatus': [undefined, { ids: [1], status: 'done', date: '2026-11-20' }, { ids: [], status: 'submitted', date: '2026-11-20' }, { ids: [1], status: 'submitted', date: '2026-02-30' }, { ids: [1], status: 'submitted', date: '2026-11-20', note: 'x'.repeat(1001) }],
  'applications.update': [undefined, { id: 1 }, { id: 1, notes: 5 }],
  'applications.history': [undefined, { id: 'a' }],
  'applications.delete': [undefined, { id: 0 }],
  'sample.remove': [{ all: true }],
  'backups.list': [{ dir: '/tmp' }, 'x'],
  'backups.create': [{ reason: 'manual' }, 1],
  'import.preview': [undefined, { kind: 'programs' }, { kind: 'letters', file: { name: 'a.csv', base64: 'YQ==' } }, { kind: 'programs', file: { name: '', base64: 'YQ==' } }, { kind: 'programs', file: { name: 'a.csv', base64: 'not base64!' } }],
  'import.check': [undefined, { kind: 'programs', file: { name: 'a.csv', base64: 'YQ==' } }, { kind: 'programs', file: { name: 'a.csv', base64: 'YQ==' }, mapping: [5] }],
  'import.run': [undefined, { kind: 'programs', file: { name: 'a.csv', base64: 'YQ==' }, mapping: ['institution'], skipInvalid: 'yes' }, { kind: 'programs', file: { name: 'a.csv', base64: 'YQ==' }, mapping: ['institution'], extra: 1 }],
  'export.file': [undefined, { what: 'everything', format: 'csv' }, { what: 'programs', format: 'pdf' }],
  'export.all': [{ format: 'json' }],
  'import.all': [undefined, {}, { file: { name: 'x.json' } }, { file: { name: 'x.json', base64: 'e30=' }, dryRun: 'no' }],
  'backups.restore': [undefined, {}, { file: '' }, { file: 'notes.txt' }, { file: '../prelim-tracker.db' }, { file: 'relative/backup.db' }, { file: '/etc/passwd' }, { file: 42 }, { file: '/tmp/x.db', extra: 1 }],
};

describe('the handler map', () => {
  it('has exactly one handler per contract method', () => {
    const { db } = openTestServices();
    const handlers = createHandlers({ db, databasePath: ':memory:', mode: 'browser' });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('rejects unknown methods, including inherited property names', async () => {
    const { raw } = openTestServices();
    for (const name of ['programs.drop', 'toString', '__proto__', 42, null]) {
      const r = await raw(name, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  describe.each(Object.entries(BAD_INPUTS))('%s', (method, inputs) => {
    it.each(inputs.map((input, i) => [i, input]))('refuses bad input #%i and writes nothing', async (_i, input) => {
      const { raw, db, call } = openTestServices();
      await call('profile.save', seedExampleProfile());
      await call('institutions.save', { institution: institution({ name: 'Existing Hospital' }), tracks: [track('preliminary', { nrmpCode: '9999440P0' })] });
      const before = dumpDb(db);
      const r = await raw(method, input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.message).toMatch(/\S/);
      }
      expect(dumpDb(db)).toEqual(before);
    });
  });
});

describe('profile', () => {
  it('returns an empty profile before the first save, then what was saved', async () => {
    const { call } = openTestServices();
    expect((await call('profile.get')).updatedAt).toBeNull();
    const saved = await call('profile.save', seedExampleProfile());
    expect(saved.profile).toEqual(seedExampleProfile());
    expect(saved.updatedAt).toBe('2026-11-25T12:00:00.000Z');
    expect((await call('profile.get')).profile).toEqual(seedExampleProfile());
  });

  it('names the field and says what to fix for a Step 2 CK of 400 and a future graduation year', async () => {
    const { raw } = openTestServices();
    const r = await raw('profile.save', { ...seedExampleProfile(), step2ckScore: 400, graduationYear: nextYear });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries((r.error.issues ?? []).map((i) => [i.path, i.message]));
    expect(byPath.step2ckScore).toMatch(/between 1 and 300/);
    expect(byPath.graduationYear).toMatch(/cannot be in the future/);
  });

  it('replaces USCE entries in order and normalises state names to codes', async () => {
    const { call } = openTestServices();
    const usce = [
      { id: 'a', type: 'observership' as const, specialty: 'Surgery', surgical: true, weeks: 4, hospital: 'A', state: 'texas', handsOn: false },
      { id: 'b', type: 'elective' as const, specialty: 'Internal Medicine', surgical: false, weeks: 6, hospital: 'B', state: 'ny', handsOn: true },
    ];
    const saved = await call('profile.save', seedExampleProfile({ usce }));
    expect(saved.profile.usce.map((u) => [u.id, u.state])).toEqual([['a', 'TX'], ['b', 'NY']]);
    const again = await call('profile.save', seedExampleProfile({ usce: [usce[1]!] }));
    expect(again.profile.usce.map((u) => u.id)).toEqual(['b']);
  });
});

describe('institutions and programs', () => {
  it('saves an institution with both tracks once, and lists the tracks together', async () => {
    const { call, db } = openTestServices();
    const saved = await call('institutions.save', {
      ...validInstitution,
      tracks: [track('preliminary', { unfilledHistory: [{ year: 2025, unfilled: 2 }, { year: 2026, unfilled: 1 }], tags: ['community', 'midwest'] }), track('categorical')],
    });
    expect(saved.programs.map((p) => [p.track, p.nrmpCode])).toEqual([['preliminary', '1234440P0'], ['categorical', '1234440C0']]);
    expect(db.prepare('SELECT COUNT(*) FROM institution').pluck().get()).toBe(1);
    const list = await call('programs.list');
    expect(list).toHaveLength(2);
    expect(list.every((p) => p.institution.id === saved.institution.id && p.institution.name === 'Lakeview Regional Medical Center')).toBe(true);
    const prelim = list.find((p) => p.track === 'preliminary')!;
    expect(prelim.unfilledHistory).toEqual([{ year: 2026, unfilled: 1 }, { year: 2025, unfilled: 2 }]);
    expect(prelim.tags).toEqual(['community', 'midwest']);
  });

  it('refuses a duplicate NRMP code with a clear message and writes nothing', async () => {
    const { call, raw, db } = openTestServices();
    await call('institutions.save', validInstitution);
    const before = dumpDb(db);
    const r = await raw('institutions.save', { institution: institution({ name: 'Another Hospital' }), tracks: [track('preliminary', { nrmpCode: '1234440p0' })] });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!r.ok) expect(r.error.message).toBe(
      'NRMP code 1234440P0 is already used by Lakeview Regional Medical Center (Preliminary). Each program has its own NRMP code; check the code or edit that program instead.',
    );
    expect(dumpDb(db)).toEqual(before);
  });

  it('refuses a code whose track letter does not match the track, naming the field', async () => {
    const { raw } = openTestServices();
    const r = await raw('institutions.save', { institution: institution(), tracks: [track('categorical', { nrmpCode: '1234440P0' })] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues).toEqual([{ path: 'tracks.0.nrmpCode', message: expect.stringMatching(/categorical track's code has the letter C/) }]);
  });

  it('edits an institution and its tracks in place; a track left out is deleted', async () => {
    const { call } = openTestServices();
    const saved = await call('institutions.save', validInstitution);
    const prelim = saved.programs.find((p) => p.track === 'preliminary')!;
    const edited = await call('institutions.save', {
      institution: { ...institution({ city: 'Toledo', visaSponsorship: 'both' }), id: saved.institution.id },
      tracks: [{ ...track('preliminary', { minStep2ck: 215, minStep2ckKind: 'preference' }), id: prelim.id }],
    });
    expect(edited.institution.city).toBe('Toledo');
    expect(edited.programs).toHaveLength(1);
    expect(edited.programs[0]).toMatchObject({ id: prelim.id, minStep2ck: 215, minStep2ckKind: 'preference' });
    expect(await call('programs.list')).toHaveLength(1);
  });

  it('deletes one track and keeps the institution; deleting the last track removes the institution', async () => {
    const { call, db } = openTestServices();
    const saved = await call('institutions.save', validInstitution);
    const [a, b] = saved.programs;
    expect(await call('programs.delete', { id: a!.id })).toEqual({ deletedInstitution: false });
    expect(db.prepare('SELECT COUNT(*) FROM institution').pluck().get()).toBe(1);
    expect(await call('programs.delete', { id: b!.id })).toEqual({ deletedInstitution: true });
    expect(db.prepare('SELECT COUNT(*) FROM institution').pluck().get()).toBe(0);
  });

  it('deleting an institution removes its tracks and their history', async () => {
    const { call, db } = openTestServices();
    const saved = await call('institutions.save', { ...validInstitution, tracks: [track('preliminary', { unfilledHistory: [{ year: 2026, unfilled: 3 }] })] });
    expect(await call('institutions.delete', { id: saved.institution.id })).toEqual({ deletedPrograms: 1 });
    expect(db.prepare('SELECT COUNT(*) FROM program').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM program_unfilled').pluck().get()).toBe(0);
  });

  it('says not_found for a program that does not exist', async () => {
    const { raw } = openTestServices();
    expect(await raw('programs.delete', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await raw('institutions.delete', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
