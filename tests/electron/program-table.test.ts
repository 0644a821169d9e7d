// programs.table sends the Programs screen's data compactly (each institution once, tier
// summaries without reasons) and tiers.get the reasons of one program: both must say exactly
// what programs.list and tiers.list say.
import { describe, expect, it } from 'vitest';
import { institution, seedExampleProfile, track } from '../fixtures';
import { openTestServices } from './helpers';

async function setup() {
  const t = openTestServices();
  await t.call('profile.save', seedExampleProfile());
  await t.call('institutions.save', { institution: institution({ name: 'Birch Medical' }), tracks: [track('preliminary', { nrmpCode: '1001440P0', minStep2ck: 260 }), track('categorical', { nrmpCode: '1001440C0' })] });
  await t.call('institutions.save', { institution: institution({ name: 'Aspen General', visaSponsorship: 'none' }), tracks: [track('preliminary', { nrmpCode: '1002440P0' })] });
  return t;
}

describe('programs.table and tiers.get', () => {
  it('holds the same programs and tiers as programs.list and tiers.list, each institution once', async () => {
    const { call } = await setup();
    const table = await call('programs.table');
    const list = await call('programs.list');
    const tiers = await call('tiers.list');
    expect(table.institutions.map((i) => i.name)).toEqual(['Aspen General', 'Birch Medical']);
    const byId = new Map(table.institutions.map((i) => [i.id, i]));
    expect(table.programs.map((p) => ({ ...p, institution: byId.get(p.institutionId) }))).toEqual(list);
    expect(table.programs.some((p) => 'institution' in p)).toBe(false);
    expect(table.tiers).toEqual(tiers.tiers.map(({ computed: { reasons: _r, label: _l, ...summary } }) => summary));
    expect(table.tiers.every((t) => !('reasons' in t))).toBe(true);
    expect(table.tiers.map((t) => t.outcome)).toContain('excluded');
    expect(table.today).toBe(tiers.today);
    expect(table.profileSaved).toBe(true);
    // The compact form is smaller than the two full answers together.
    expect(JSON.stringify(table).length).toBeLessThan(JSON.stringify(list).length + JSON.stringify(tiers).length);
  });

  it('programs.tableStart: the first programs of the same table, and how many there are in all', async () => {
    const { call } = await setup();
    const table = await call('programs.table');
    const start = await call('programs.tableStart', { count: 1 });
    expect(start.total).toBe(table.programs.length);
    expect(table.programs.length).toBeGreaterThan(1);
    expect(start.programs).toEqual(table.programs.slice(0, 1));
    expect(start.tiers).toEqual(table.tiers.slice(0, 1));
    expect(start.institutions).toEqual(table.institutions.filter((i) => i.id === start.programs[0]!.institutionId));
    expect({ today: start.today, profileSaved: start.profileSaved }).toEqual({ today: table.today, profileSaved: table.profileSaved });
    const all = await call('programs.tableStart', { count: 500 });
    expect({ ...all, total: undefined }).toEqual({ ...table, total: undefined });
  });

  it('follows a change: a program edited or deleted is in the next answer', async () => {
    const { call } = await setup();
    const before = await call('programs.table');
    const aspen = before.programs.find((p) => p.nrmpCode === '1002440P0')!;
    await call('programs.delete', { id: aspen.id });
    const after = await call('programs.table');
    expect(after.programs.map((p) => p.id)).not.toContain(aspen.id);
    expect(after.institutions.map((i) => i.name)).toEqual(['Birch Medical']);
    expect(after.tiers).toHaveLength(2);
  });

  it('tiers.get gives one program with every reason, and refuses an unknown program', async () => {
    const { call, raw } = await setup();
    const tiers = await call('tiers.list');
    const first = tiers.tiers[0]!;
    const one = await call('tiers.get', { programId: first.programId });
    expect(one).toEqual(first);
    expect(one.computed.reasons.length).toBeGreaterThan(0);
    const missing = await raw('tiers.get', { programId: 999 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not_found');
  });
});
