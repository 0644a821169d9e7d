// SOAP screenshots: the seed applicant's profile, fictional sample programs, a fallback
// plan from the top suggestions and (with "monday") a pasted unfilled list and a few
// Match Week events. Usage: node scripts/dev/soap-demo-data.mjs http://127.0.0.1:PORT/ [monday]
import { call, demoProfile } from './api-client.mjs';
const monday = process.argv[3] === 'monday';
await call('profile.save', demoProfile());
await call('sample.load', { institutions: 80 });
let o = await call('soap.overview');
await call('soap.planAdd', { programIds: o.candidates.slice(0, 8).map((c) => c.program.id) });
o = await call('soap.overview');
console.log(`plan: ${o.plan.length}, suggestions left: ${o.candidates.length}`);
if (monday) {
  await call('soap.setMatchStatus', { matchStatus: 'unmatched' });
  const listed = o.plan.filter((_, i) => i % 3 !== 1).map((p) => `${p.program.nrmpCode}  ${p.program.institution.name}  ${p.program.institution.city}, ${p.program.institution.state}  2`);
  const r = await call('soap.importUnfilled', { text: ['List of Unfilled Programs (fictional)', ...listed, '8801440P0  Gulf Plains Community Hospital  Biloxi, MS  3', '8802140P0  Some Medicine Program  Biloxi, MS  1'].join('\n') });
  console.log('import', JSON.stringify(r.summary));
  const open = r.overview.plan.filter((p) => p.open).map((p) => p.program.id);
  const a = await call('soap.apply', { programIds: open.slice(0, 4) });
  await call('soap.interview', { applicationId: a.applications[0].id });
  await call('soap.offer', { applicationId: a.applications[1].id, round: 1 });
}
