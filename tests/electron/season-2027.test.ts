// Signals, geographic preference, invitations and costs through the real handlers on a real
// SQLite file (docs/DOMAIN.md §6–§9).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/db/open';
import { MIGRATIONS } from '../../electron/db/migrations';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, openTestServices, tempDir } from './helpers';

async function withInstitutions(n: number) {
  const t = openTestServices();
  await t.call('profile.save', seedExampleProfile());
  const ids: number[] = [];
  const programIds: number[] = [];
  for (let i = 0; i < n; i++) {
    const code = String(1000 + i);
    const saved = await t.call('institutions.save', { institution: institution({ name: `Hospital ${code}`, acceptsSignals: 'yes' }), tracks: [track('preliminary', { nrmpCode: `${code}440P0` }), track('categorical', { nrmpCode: `${code}440C0` })] });
    ids.push(saved.institution.id);
    programIds.push(...saved.programs.map((p) => p.id));
  }
  return { ...t, ids, programIds };
}

describe('migration v12 -> v13', () => {
  it('adds signals to institutions (defaults: unknown, not sent), the invitation, travel and season tables, and 9–11 character codes to the unfilled list, keeping the data', () => {
    const file = path.join(tempDir(), 'v12.db');
    const v12 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 12) });
    v12.exec(`INSERT INTO institution (id, name, setting, research_heavy, visa_sponsorship, non_us_img_residents, internal_connection, created_at, updated_at)
             VALUES (1, 'Old Hospital', 'community', 0, 'j1', 'unknown', 0, 'x', 'x');
             INSERT INTO soap_unfilled (nrmp_code, name, imported_at) VALUES ('1234440P0', 'Listed Hospital', 'x');`);
    v12.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 13) });
    try {
      expect(schemaVersion(db)).toBe(13);
      expect(db.prepare('SELECT name, accepts_signals, signal_sent FROM institution').all()).toEqual([{ name: 'Old Hospital', accepts_signals: 'unknown', signal_sent: 0 }]);
      expect(() => db.prepare("UPDATE institution SET accepts_signals = 'maybe'").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO season_choice (key, value, updated_at) VALUES ('other', '1', 'x')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO season_choice (key, value, updated_at) VALUES ('signalBudget', 'not json', 'x')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO interview_travel (interview_id, updated_at) VALUES (99, 'x')").run()).toThrow(/FOREIGN KEY/);
      // The List of Unfilled Programs is kept and now takes codes of 9 to 11 characters (docs/DOMAIN.md §2.2).
      expect(db.prepare('SELECT nrmp_code, name FROM soap_unfilled').all()).toEqual([{ nrmp_code: '1234440P0', name: 'Listed Hospital' }]);
      db.prepare("INSERT INTO soap_unfilled (nrmp_code, name, imported_at) VALUES ('1234440P012', 'Three-digit track', 'x')").run();
      expect(() => db.prepare("INSERT INTO soap_unfilled (nrmp_code, name, imported_at) VALUES ('1234440P0123', 'Too long', 'x')").run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});

describe('signals (docs/DOMAIN.md §6)', () => {
  it('spends 15 signals, one per institution (both tracks see it), and refuses the 16th with a message, writing nothing', async () => {
    const { call, raw, db, ids } = await withInstitutions(16);
    for (const id of ids.slice(0, 15)) await call('signals.set', { institutionId: id, sent: true });
    const view = await call('signals.review');
    expect(view.budget).toEqual({ budget: 15, isReference: true, used: 15, left: 0 });
    expect(view.review.institutions.filter((i) => i.signalSent).every((i) => i.programIds.length === 2)).toBe(true);
    const before = dumpDb(db);
    const r = await raw('signals.set', { institutionId: ids[15], sent: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^All 15 signals are spent: Hospital 1015 cannot get one/) } });
    // The institution editor cannot go round the budget either.
    const inst = (await call('programs.list')).find((p) => p.institutionId === ids[15])!.institution;
    const viaEditor = await raw('institutions.save', { institution: { ...inst, signalSent: true }, tracks: [track('preliminary', { nrmpCode: '1015440P0' })] });
    expect(viaEditor).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/All 15 signals are spent/) } });
    expect(dumpDb(db)).toEqual(before);
    // Taking one back frees it; a budget below what is spent is refused.
    await call('signals.set', { institutionId: ids[0]!, sent: false });
    expect((await call('signals.set', { institutionId: ids[15]!, sent: true })).budget.left).toBe(0);
    expect(await raw('signals.setBudget', { budget: 10 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already sent 15 signals/) } });
    expect((await call('signals.setBudget', { budget: 16 })).budget).toEqual({ budget: 16, isReference: false, used: 15, left: 1 });
  });

  it('an import that would pass the budget is refused whole', async () => {
    const { call, raw, ids } = await withInstitutions(2);
    await call('signals.setBudget', { budget: 1 });
    await call('signals.set', { institutionId: ids[0]!, sent: true });
    const csv = 'Institution,NRMP code,Signal sent,Accepts signals\nHospital 1001,1001440P0,yes,yes\n';
    const file = { name: 'p.csv', base64: Buffer.from(csv).toString('base64') };
    const preview = await call('import.preview', { kind: 'programs', file });
    expect(preview.mapping).toEqual(['institution', 'nrmpCode', 'signalSent', 'acceptsSignals']);
    const r = await raw('import.run', { kind: 'programs', file, mapping: preview.mapping });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/All 1 signals are spent: Hospital 1001 cannot get one/) } });
    expect((await call('signals.review')).budget.used).toBe(1);
    // Within the budget the columns import, and the export writes them back.
    await call('signals.set', { institutionId: ids[0]!, sent: false });
    await call('import.run', { kind: 'programs', file, mapping: preview.mapping });
    const review = await call('signals.review');
    expect(review.review.institutions.find((i) => i.name === 'Hospital 1001')).toMatchObject({ signalSent: true, acceptsSignals: 'yes' });
    const out = await call('export.file', { what: 'programs', format: 'csv' });
    const text = Buffer.from(out.base64, 'base64').toString('utf8');
    expect(text.split(/\r?\n/)[0]).toMatch(/Accepts signals,Signal sent/);
  });
});

describe('geographic preference (docs/DOMAIN.md §7)', () => {
  it('saves up to 3 divisions with a note, and programs in them get the plus in their tier reasons', async () => {
    const { call } = await withInstitutions(1);
    expect(await call('geoPreference.get')).toEqual({ noPreference: false, divisions: [], note: '', updatedAt: null });
    const saved = await call('geoPreference.save', { noPreference: false, divisions: ['east_north_central'], note: 'Family in Ohio' });
    expect(saved).toMatchObject({ divisions: ['east_north_central'], note: 'Family in Ohio' });
    const tiers = await call('tiers.list');
    expect(tiers.tiers[0]!.computed.reasons.some((r) => r.rule === 'geo_preference')).toBe(true);
  });
});

describe('invitations (docs/DOMAIN.md §8)', () => {
  it('moves the application: invited, accepted (interview scheduled), declined (withdrawn); reply-bys reach the agenda; a second one for the same program is refused', async () => {
    const { call, raw, programIds } = await withInstitutions(2);
    const { created } = await call('applications.create', { programIds: [programIds[0]!, programIds[2]!], date: '2026-09-01' });
    await call('applications.setStatus', { ids: created.map((a) => a.id), status: 'submitted', date: '2026-09-24', note: '' });
    const [a, b] = created.map((x) => x.id) as [number, number];
    const base = { receivedAt: '2026-10-21T10:00', timeZone: 'America/New_York', date: '2026-10-21', offered: [{ start: '2026-11-10T09:00', slots: 2 }] };
    const pending = await call('invitations.save', { ...base, applicationId: a, replyBy: '2026-10-22T10:00' });
    expect(pending.moves.map((m) => m.to)).toEqual(['interview_invited']);
    const view = await call('invitations.list');
    expect(view.invitations[0]!.shortReply).toBe(true);
    expect(view.candidates.map((c) => c.applicationId)).toEqual([b]);
    expect(await raw('invitations.save', { ...base, applicationId: a })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const accepted = await call('invitations.save', { ...base, id: pending.invitation.id, applicationId: a, replyBy: '2026-10-22T10:00', status: 'accepted', chosenStart: '2026-11-10T09:00' });
    expect(accepted.moves.map((m) => m.to)).toEqual(['interview_scheduled']);
    expect(accepted.invitation.interviewId).not.toBeNull();
    expect((await call('interviews.list')).map((i) => i.localStart)).toEqual(['2026-11-10T09:00']);

    const declined = await call('invitations.save', { ...base, applicationId: b, status: 'declined', replyBy: '2026-10-24T10:00' });
    expect(declined.moves.map((m) => m.to)).toEqual(['withdrawn']);
    const agenda = await call('calendar.agenda', { windowDays: 30 });
    expect(agenda.all.filter((e) => e.key.startsWith('invitation:')).map((e) => [e.date, e.done])).toEqual([
      ['2026-10-22', true],
      ['2026-10-24', true],
    ]);

    // Cancelled by you 4 days before: the interview goes, the application is withdrawn, the short notice flagged.
    const cancelled = await call('invitations.save', { ...base, id: pending.invitation.id, applicationId: a, status: 'cancelled', chosenStart: '2026-11-10T09:00', cancelledOn: '2026-11-06', cancelledBy: 'me' });
    expect(cancelled.moves.map((m) => m.to)).toEqual(['withdrawn']);
    expect(await call('interviews.list')).toEqual([]);
    expect((await call('invitations.list')).invitations.find((i) => i.invitation.id === pending.invitation.id)!.shortNotice).toBe(true);
  });
});

describe('the invitation inbox and the Interviews tab (one truth)', () => {
  it('accepting an invitation for an application whose interview was recorded on the Interviews tab links that interview, keeping its notes, instead of recording a second', async () => {
    const { call, raw, programIds } = await withInstitutions(1);
    const { created } = await call('applications.create', { programIds: [programIds[0]!], date: '2026-09-01' });
    const appId = created[0]!.id;
    await call('applications.setStatus', { ids: [appId], status: 'submitted', date: '2026-09-24', note: '' });
    const tab = await call('interviews.save', { applicationId: appId, date: '2026-10-21', invitedOn: '2026-10-21', localStart: '2026-11-10T09:00', timeZone: 'America/New_York', location: 'Zoom link in the email' });
    const accepted = await call('invitations.save', {
      applicationId: appId,
      receivedAt: '2026-10-21T10:00',
      timeZone: 'America/New_York',
      date: '2026-10-22',
      offered: [{ start: '2026-11-10T09:00', slots: 2 }, { start: '2026-11-12T09:00', slots: 1 }],
      status: 'accepted',
      chosenStart: '2026-11-10T09:00',
    });
    expect(accepted.invitation.interviewId).toBe(tab.interview.id);
    const interviews = await call('interviews.list');
    expect(interviews.map((i) => [i.id, i.localStart, i.location])).toEqual([[tab.interview.id, '2026-11-10T09:00', 'Zoom link in the email']]);
    // Moving to the other offered date moves that same interview.
    await call('invitations.save', { id: accepted.invitation.id, applicationId: appId, receivedAt: '2026-10-21T10:00', timeZone: 'America/New_York', date: '2026-10-23', offered: [{ start: '2026-11-10T09:00', slots: 2 }, { start: '2026-11-12T09:00', slots: 1 }], status: 'accepted', chosenStart: '2026-11-12T09:00' });
    expect((await call('interviews.list')).map((i) => [i.id, i.localStart])).toEqual([[tab.interview.id, '2026-11-12T09:00']]);
    // Deleting it on the Interviews tab would leave the inbox saying "accepted" with no interview: refused, with where to go.
    const refused = await raw('interviews.delete', { id: tab.interview.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Invitations screen and record it as cancelled/) } });
    expect(await call('interviews.list')).toHaveLength(1);
  });
});

describe('costs (docs/DOMAIN.md §9)', () => {
  it('adds ERAS fees per institution, fixed fees, rank fees and travel, and keeps corrections', async () => {
    const { call, programIds } = await withInstitutions(2);
    await call('programs.setOnList', { ids: programIds, onList: true });
    let c = await call('costs.summary');
    expect(c.lines.find((l) => l.id === 'eras')!.planned).toBe(22); // 2 institutions × $11, both tracks one fee
    expect(c.totals).toEqual({ spent: 0, planned: 22 + 80 + 165 + 70, total: 22 + 80 + 165 + 70 });
    c = await call('costs.setFlags', { feesPerInstitution: false });
    expect(c.lines.find((l) => l.id === 'eras')!.planned).toBe(44);
    c = await call('costs.setAmount', { item: 'usmle_transcript', amount: 90 });
    expect(c.lines.find((l) => l.id === 'usmle_transcript')!.amounts[0]).toMatchObject({ value: 90, corrected: true });
    c = await call('costs.setAmount', { item: 'usmle_transcript', amount: null });
    expect(c.lines.find((l) => l.id === 'usmle_transcript')!.planned).toBe(80);

    const { created } = await call('applications.create', { programIds: [programIds[0]!], date: '2026-09-01' });
    const iv = await call('interviews.save', { applicationId: created[0]!.id, date: '2026-10-21', invitedOn: '2026-10-21', localStart: '2026-12-01T09:00', timeZone: 'America/Chicago' });
    c = await call('travel.save', { interviewId: iv.interview.id, transport: 300, lodging: 120, other: 30 });
    expect(c.lines.find((l) => l.id === 'travel')).toMatchObject({ spent: 0, planned: 450 });
  });

  it('costs.summary is made once per change: the same answer while nothing changed, a new one after any write or on another day', async () => {
    let now = new Date('2026-11-25T12:00:00Z');
    const t = openTestServices(undefined, () => now);
    await t.call('profile.save', seedExampleProfile());
    const saved = await t.call('institutions.save', { institution: institution(), tracks: [track('preliminary')] });
    const id = saved.programs[0]!.id;
    const first = await t.call('costs.summary');
    expect(await t.call('costs.summary')).toBe(first);
    // A write through another domain (an application submitted) shows at once.
    await t.call('applications.create', { programIds: [id], status: 'submitted', date: '2026-11-20' });
    const after = await t.call('costs.summary');
    expect(after).not.toBe(first);
    expect(after.lines.find((l) => l.id === 'eras')!.spent).toBe(11);
    // A write that changes nothing the view shows still gives a fresh (equal) view.
    await t.call('settings.save', { feesCombineTracks: false });
    const again = await t.call('costs.summary');
    expect(again).not.toBe(after);
    expect(again).toEqual(after);
    // Another day: the view says which day it counted.
    now = new Date('2026-11-27T12:00:00Z');
    expect((await t.call('costs.summary')).today).toBe('2026-11-27');
  });
});
