// The shared prelude of the demo scripts: reads the session token from the running
// browser-mode host's page and calls its API. Usage in a script:
//   import { call } from './api-client.mjs';   (the host URL is process.argv[2])
export const base = process.argv[2];
if (!base) throw new Error('Give the host URL, e.g. node scripts/dev/demo-data.mjs http://127.0.0.1:PORT/');
const html = await (await fetch(base)).text();
const token = /name="prelim-token" content="([^"]+)"/.exec(html)[1];

/** Calls one API method; throws `method: message` when the host refuses it. */
export const call = async (method, input) => {
  const r = await fetch(`${base}api/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Prelim-Token': token }, body: JSON.stringify({ method, input }) });
  const j = await r.json();
  if (!j.ok) throw new Error(`${method}: ${j.error.message}`);
  return j.value;
};

/** The fictional applicant the demo scripts share (Readiness and SOAP screenshots). */
export const demoProfile = (overrides = {}) => ({
  fullName: 'Amina Rahman', email: 'amina@example.com', medicalSchool: 'Example Medical College', country: 'Pakistan', aamcId: '12345678', graduationYear: 2022,
  step1Result: 'numeric', step1Score: 213, step1Attempts: 1, step2ckStatus: 'passed', step2ckScore: 230, step2ckAttempts: 1, step2ckDate: '2026-05-20',
  step3Status: 'not_taken', step3Score: null, step3Date: null, ecfmgStatus: 'in_progress', oetStatus: 'passed', visaNeed: 'j1',
  usce: [{ id: 'u1', type: 'sub_internship', specialty: 'General Surgery', surgical: true, weeks: 8, hospital: 'Mercy Example Hospital', state: 'OH', handsOn: true }],
  researchCount: 3, leadershipCount: 1, teachingCount: 2,
  ...overrides,
});
