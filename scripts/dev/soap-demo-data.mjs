// SOAP screenshots: the seed applicant's profile, fictional sample programs, a fallback
// plan from the top suggestions and (with "monday") a pasted unfilled list and a few
// Match Week events. Usage: node scripts/dev/soap-demo-data.mjs http://127.0.0.1:PORT/ [monday]
const base = process.argv[2];
const monday = process.argv[3] === 'monday';
const html = await (await fetch(base)).text();
const token = /name="prelim-token" content="([^"]+)"/.exec(html)[1];
const call = async (method, input) => {
  const r = await fetch(`${base}api/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Prelim-Token': token }, body: JSON.stringify({ method, input }) });
  const j = await r.json();
  if (!j.ok) throw new Error(`${method}: ${j.error.message}`);
  return j.value;
};
await call('profile.save', {
  fullName: 'Amina Rahman', email: 'amina@example.com', medicalSchool: 'Example Medical College', country: 'Pakistan', aamcId: '12345678', graduationYear: 2022,
  step1Result: 'numeric', step1Score: 213, step1Attempts: 1, step2ckStatus: 'passed', step2ckScore: 230, step2ckAttempts: 1, step2ckDate: '2026-05-20',
  step3Status: 'not_taken', step3Score: null, step3Date: null, ecfmgStatus: 'in_progress', oetStatus: 'passed', visaNeed: 'j1',
  usce: [{ id: 'u1', type: 'sub_internship', specialty: 'General Surgery', surgical: true, weeks: 8, hospital: 'Mercy Example Hospital', state: 'OH', handsOn: true }],
  researchCount: 3, leadershipCount: 1, teachingCount: 2,
});
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
