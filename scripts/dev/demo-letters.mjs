// Adds fictional letters, documents, applications (about 120) and a logged message through
// the running browser-mode host's API, for screenshots of the Letters screen.
// Usage: node scripts/dev/demo-letters.mjs http://127.0.0.1:PORT/
// Works on a fresh database or after any other demo script (applications that already
// exist are reused; those already submitted get their letters as a record correction).
import { call, demoProfile } from './api-client.mjs';
await call('profile.save', demoProfile({ step1Result: 'pass_fail', step1Score: null }));
if ((await call('programs.list')).length < 100) await call('sample.load', { institutions: 80 });
const programs = (await call('programs.list')).slice(0, 120);
await call('applications.create', { programIds: programs.map((p) => p.id), date: '2026-08-20' });
const apps = (await call('applications.list')).sort((a, b) => a.id - b.id).slice(0, 120);
const SENT = new Set(['submitted', 'under_review', 'interview_invited', 'interview_scheduled', 'interviewed', 'ranked', 'matched', 'not_matched', 'rejected', 'withdrawn']);
const assign = (app, letterId) => call('letters.assign', { applicationId: app.id, letterId, assigned: true, date: '2026-08-25', unlockSubmitted: SENT.has(app.status) });
const writers = [
  { name: 'Dr. Jane Smith', title: 'Associate Professor of Surgery', specialty: 'General Surgery', institution: 'Mercy Example Hospital, OH', location: 'us', isSurgeon: true, relationship: '8-week sub-internship', email: 'jsmith@example.org' },
  { name: 'Dr. Omar Farouk', title: 'Trauma Surgeon', specialty: 'Trauma Surgery', institution: 'Lakeview Regional, OH', location: 'us', isSurgeon: true, relationship: 'Observership, night float' },
  { name: 'Dr. Priya Nair', title: 'Internal Medicine Faculty', specialty: 'Internal Medicine', institution: 'Lakeview Regional, OH', location: 'us', isSurgeon: false, relationship: 'Elective' },
  { name: 'Prof. Kamal Ahmed', title: 'Head of Surgery', specialty: 'General Surgery', institution: 'Example Medical College', location: 'home', isSurgeon: true, relationship: 'Internship' },
];
const stages = [['asked', 'agreed', 'strong_confirmed', 'uploaded'], ['asked', 'agreed', 'strong_confirmed', 'uploaded'], ['asked', 'agreed'], ['asked']];
const letters = [];
for (const [i, w] of writers.entries()) {
  const saved = await call('writers.save', w);
  const l = await call('letters.save', { writerId: saved.id });
  let day = 1;
  for (const s of stages[i]) await call('letters.setStage', { id: l.id, stage: s, date: `2026-07-${String((day += 3)).padStart(2, '0')}` });
  letters.push(l);
}
for (const app of apps.slice(0, 60)) {
  for (const l of letters.slice(0, 3)) await assign(app, l.id);
}
for (const app of apps.slice(60, 70)) await assign(app, letters[0].id);
const toSubmit = apps.slice(0, 70).filter((a) => !SENT.has(a.status)).map((a) => a.id);
if (toSubmit.length) await call('applications.setStatus', { ids: toSubmit, status: 'submitted', date: '2026-09-02' });
const ps = await call('documents.save', { kind: 'personal_statement_surgery', title: 'Personal statement – surgery', versionLabel: 'v4', date: '2026-08-01', notes: 'After Dr. Smith’s comments' });
await call('documents.save', { kind: 'personal_statement_prelim', title: 'Personal statement – prelim', versionLabel: 'v2', date: '2026-08-03' });
const cv = await call('documents.save', { kind: 'cv', title: 'CV', versionLabel: 'Aug 2026', date: '2026-08-05' });
await call('documents.assign', { applicationIds: apps.map((a) => a.id), documentId: ps.id, date: '2026-08-25' });
await call('documents.assign', { applicationIds: apps.map((a) => a.id), documentId: cv.id, date: '2026-08-25' });
const templates = await call('templates.list');
await call('communications.log', { programId: apps[0].programId, channel: 'email', date: '2026-09-10', contact: 'Program director', subject: 'Interest in your preliminary surgery position', body: 'Dear Dr. …', templateId: templates[0].id });
console.log(`demo: ${apps.length} applications, ${letters.length} letters`);
