import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/db/open';
import { MIGRATIONS } from '../../electron/db/migrations';
import { createProgramsRepo } from '../../electron/db/repos/programs-repo';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, openTestServices, tempDir } from './helpers';

async function withTwoInstitutions() {
  const t = openTestServices();
  const a = await t.call('institutions.save', { institution: institution(), tracks: [track('preliminary'), track('categorical')] });
  const b = await t.call('institutions.save', {
    institution: institution({ name: 'No Visa Hospital', state: 'NY', visaSponsorship: 'none' }),
    tracks: [track('preliminary', { nrmpCode: '7777440P0' })],
  });
  return { ...t, a, b };
}

describe('migration v1 -> v2', () => {
  it('keeps v1 data and adds the list, overrides and settings', () => {
    const file = path.join(tempDir(), 'v1.db');
    const v1 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version === 1) });
    // v1 rows written as v1 knew them (today's repository expects v2 tables).
    v1.exec(`INSERT INTO institution (id, name, setting, research_heavy, visa_sponsorship, non_us_img_residents, internal_connection, created_at, updated_at)
             VALUES (1, 'Old Hospital', 'community', 0, 'j1', 'unknown', 0, 'x', 'x');
             INSERT INTO program (institution_id, track, nrmp_code, min_step2ck_kind, min_step1_kind, first_attempt_only, usce_required, created_at, updated_at)
             VALUES (1, 'preliminary', '1234440P0', 'strict', 'strict', 'unknown', 'unknown', 'x', 'x');`);
    v1.close();
    // Through every later migration too: today's repository reads today's columns.
    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBeGreaterThanOrEqual(2);
      const [p] = createProgramsRepo(db).list();
      expect(p).toMatchObject({ nrmpCode: '1234440P0', onList: false, override: null });
      expect(p!.institution.isSample).toBe(false);
    } finally {
      db.close();
    }
  });
});

describe('application list and tier overrides', () => {
  it('marks and unmarks programs; an unknown id changes nothing', async () => {
    const { call, raw, db, a } = await withTwoInstitutions();
    const ids = a.programs.map((p) => p.id);
    expect(await call('programs.setOnList', { ids, onList: true })).toEqual({ updated: 2 });
    expect((await call('programs.list')).filter((p) => p.onList).map((p) => p.id).sort()).toEqual(ids.sort());
    const before = dumpDb(db);
    expect(await raw('programs.setOnList', { ids: [ids[0]!, 999], onList: false })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dumpDb(db)).toEqual(before);
  });

  it('keeps an override with its note, and clears it', async () => {
    const { call, a } = await withTwoInstitutions();
    const id = a.programs[0]!.id;
    await call('tiers.override', { programId: id, outcome: 'tier1', note: 'PD knows my mentor' });
    expect((await call('programs.list')).find((p) => p.id === id)!.override).toEqual({ outcome: 'tier1', note: 'PD knows my mentor', updatedAt: '2026-11-25T12:00:00.000Z' });
    await call('tiers.override', { programId: id, outcome: null, note: '' });
    expect((await call('programs.list')).find((p) => p.id === id)!.override).toBeNull();
  });

  it('computes a tier for every program from the saved profile', async () => {
    const { call, b } = await withTwoInstitutions();
    let tiers = await call('tiers.list');
    expect(tiers.profileSaved).toBe(false);
    expect(tiers.today).toBe('2026-11-25');
    expect(tiers.tiers).toHaveLength(3);
    await call('profile.save', seedExampleProfile());
    tiers = await call('tiers.list');
    expect(tiers.profileSaved).toBe(true);
    const noVisa = tiers.tiers.find((t) => t.programId === b.programs[0]!.id)!;
    expect(noVisa.computed.outcome).toBe('excluded');
    expect(noVisa.computed.exclusions.map((e) => e.screen)).toContain('no_visa_sponsorship');
  });

  it('stores settings', async () => {
    const { call } = openTestServices();
    expect(await call('settings.get')).toEqual({ feesCombineTracks: false });
    expect(await call('settings.save', { feesCombineTracks: true })).toEqual({ feesCombineTracks: true });
    expect(await call('settings.get')).toEqual({ feesCombineTracks: true });
  });
});

describe('sample data', () => {
  it('loads fictional programs marked as sample and removes only them', async () => {
    const { call } = await withTwoInstitutions();
    const loaded = await call('sample.load', { institutions: 25 });
    expect(loaded.institutions).toBe(25);
    const all = await call('programs.list');
    const sample = all.filter((p) => p.institution.isSample);
    expect(sample.length).toBe(loaded.programs);
    expect(sample.every((p) => p.institution.dataSource.includes('fictional') || p.institution.dataSource.includes('Fictional'))).toBe(true);
    expect(await call('sample.remove')).toEqual({ removedPrograms: loaded.programs });
    const left = await call('programs.list');
    expect(left).toHaveLength(3);
    expect(left.some((p) => p.institution.isSample)).toBe(false);
  });
});
