// Tiers are computed once per change of their inputs and shared: these prove a cached tier
// is never stale (a changed program, profile or date gives the engine's fresh answer) and
// that what did not change is reused rather than computed again.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createProgramsRepo } from '../../electron/db/repos/programs-repo';
import { createProfileRepo } from '../../electron/db/repos/profile-repo';
import { cachedTiers } from '../../electron/api/tier-cache';
import { tierPrograms } from '../../shared/engine/tier-program';
import { seedExampleProfile } from '../../shared/sample/seed-profile';
import { institution, track } from '../fixtures';
import { openTestServices } from './helpers';

async function setup() {
  const t = openTestServices();
  await t.call('profile.save', seedExampleProfile());
  for (const [i, name] of ['Aspen General', 'Birch Medical', 'Cedar Regional'].entries()) {
    await t.call('institutions.save', {
      institution: institution({ name }),
      tracks: [track('preliminary', { nrmpCode: `${1000 + i}440P0`, minStep2ck: 220 }), track('categorical', { nrmpCode: `${1000 + i}440C0` })],
    });
  }
  const repo = createProgramsRepo(t.db);
  const profiles = createProfileRepo(t.db);
  const tiers = (today = '2026-11-25') => cachedTiers(t.db, repo.list(), profiles.get().profile, today, {});
  const fresh = (today = '2026-11-25') => tierPrograms(repo.list(), profiles.get().profile, today);
  return { ...t, repo, tiers, fresh };
}

describe('tier cache', () => {
  it('answers what the engine answers, and the same objects while nothing changed', async () => {
    const { tiers, fresh, call } = await setup();
    const first = tiers();
    expect(first).toEqual(fresh());
    const again = tiers();
    again.forEach((r, i) => expect(r).toBe(first[i]));
    // A write elsewhere (settings) changes no tier input: still the same objects.
    await call('settings.save', { feesCombineTracks: true });
    tiers().forEach((r, i) => expect(r).toBe(first[i]));
    expect(Object.isFrozen(first[0])).toBe(true);
  });

  it('re-tiers only the program that changed, with its new data', async () => {
    const { tiers, fresh, call, repo } = await setup();
    const before = tiers();
    const programs = repo.list();
    const target = programs.find((p) => p.institution.name === 'Birch Medical' && p.track === 'preliminary')!;
    const siblings = programs.filter((p) => p.institutionId === target.institutionId);
    await call('institutions.save', {
      institution: { ...institution({ name: 'Birch Medical' }), id: target.institutionId },
      tracks: siblings.map((p) => ({ ...track(p.track, { nrmpCode: p.nrmpCode }), id: p.id, minStep2ck: p.id === target.id ? 280 : p.minStep2ck })),
    });
    const after = tiers();
    expect(after).toEqual(fresh());
    const index = repo.list().findIndex((p) => p.id === target.id);
    expect(after[index]!.outcome).not.toBe(before[index]!.outcome);
    // The other institutions' programs were not touched: their tiers are the same objects.
    repo.list().forEach((p, i) => {
      if (p.institutionId !== target.institutionId) expect(after[i]).toBe(before[i]);
    });
  });

  it('re-tiers everything for a new profile or a new day; no other connection can change its inputs behind it', async () => {
    const { tiers, fresh, call, file, repo } = await setup();
    const before = tiers();
    await call('profile.save', { ...seedExampleProfile(), step2ckScore: 200 });
    expect(tiers()).toEqual(fresh());
    expect(tiers()).not.toEqual(before);
    const nextYear = tiers('2027-11-25');
    expect(nextYear).toEqual(fresh('2027-11-25'));
    // The app holds its database alone (one writer per file): another connection's write is refused.
    const other = new Database(file, { timeout: 0 });
    expect(() => other.prepare('UPDATE program SET min_step2ck = 300').run()).toThrow(/locked|busy/i);
    other.close();
    expect(repo.list().some((p) => p.minStep2ck === 300)).toBe(false);
    expect(tiers()).toEqual(fresh());
  });
});
