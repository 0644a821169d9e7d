// Fills a database (via the running browser-mode host's API) with a few fictional programs
// for screenshots. Usage: node scripts/dev/demo-data.mjs http://127.0.0.1:PORT/
import { call } from './api-client.mjs';
const inst = (o) => ({ name: '', city: '', state: '', website: '', setting: 'community', researchHeavy: false, visaSponsorship: 'j1', imgSharePct: null, nonUsImgResidents: 'unknown', pdName: '', pdEmail: '', coordinatorName: '', coordinatorEmail: '', internalConnection: false, notes: '', dataSource: 'Fictional demo', lastVerified: '2026-10-01', ...o });
const tr = (track, o) => ({ track, nrmpCode: '', erasProgramId: '', minStep2ck: null, minStep2ckKind: 'strict', minStep1: null, minStep1Kind: 'strict', firstAttemptOnly: 'unknown', maxYearsSinceGraduation: null, usceRequired: 'unknown', usceMonthsRequired: null, positionsOffered: null, unfilledHistory: [], tags: [], notes: '', ...o });
const data = [
  [inst({ name: 'Lakeview Regional Medical Center', city: 'Dayton', state: 'OH', imgSharePct: 38, nonUsImgResidents: 'yes' }), [tr('preliminary', { nrmpCode: '1402440P0', minStep2ck: 220, positionsOffered: 6 }), tr('categorical', { nrmpCode: '1402440C0', minStep2ck: 235, positionsOffered: 3 })]],
  [inst({ name: 'Pinecrest Community Hospital', city: 'Macon', state: 'GA', visaSponsorship: 'both', imgSharePct: 45 }), [tr('preliminary', { nrmpCode: '2218440P0', minStep2ck: 215, minStep2ckKind: 'preference', positionsOffered: 8 })]],
  [inst({ name: 'Harbor Point University Hospital', city: 'Providence', state: 'RI', setting: 'top_academic', researchHeavy: true, visaSponsorship: 'h1b', imgSharePct: 6 }), [tr('preliminary', { nrmpCode: '3307440P0', minStep2ck: 240, positionsOffered: 10 }), tr('categorical', { nrmpCode: '3307440C0', minStep2ck: 245, positionsOffered: 6 })]],
  [inst({ name: 'Prairie Valley Medical Center', city: 'Wichita', state: 'KS', setting: 'community_university_affiliated', imgSharePct: 22 }), [tr('preliminary', { nrmpCode: '4120440P0', positionsOffered: 4 })]],
  [inst({ name: 'Summit Ridge Health System', city: 'Scranton', state: 'PA', setting: 'university', visaSponsorship: 'none', imgSharePct: 12 }), [tr('preliminary', { nrmpCode: '5031440P0', minStep2ck: 225, positionsOffered: 5 }), tr('categorical', { nrmpCode: '5031440C0', minStep2ck: 230, positionsOffered: 2 })]],
  [inst({ name: 'Bayou Central Hospital', city: 'Shreveport', state: 'LA', visaSponsorship: 'j1', imgSharePct: 51, nonUsImgResidents: 'yes' }), [tr('preliminary', { nrmpCode: '6144440P0', minStep2ck: 210, positionsOffered: 7 })]],
  [inst({ name: 'Cedar Falls Memorial', city: 'Cedar Rapids', state: 'IA', visaSponsorship: 'unknown' }), [tr('preliminary', { nrmpCode: '7012440P0', positionsOffered: 3 })]],
];
// Runs after the other demo scripts too: an institution already there is skipped, and an NRMP
// code the sample programs already use is left blank.
const existing = await call('programs.list');
const names = new Set(existing.map((p) => p.institution.name));
const codes = new Set(existing.map((p) => p.nrmpCode).filter(Boolean));
let added = 0;
for (const [institution, tracks] of data) {
  if (names.has(institution.name)) continue;
  await call('institutions.save', { institution, tracks: tracks.map((t) => (codes.has(t.nrmpCode) ? { ...t, nrmpCode: '' } : t)) });
  added++;
}
console.log(`added ${added} institutions`);
