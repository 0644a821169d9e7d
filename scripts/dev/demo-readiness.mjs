// Adds what the Readiness, Deadlines and Dashboard screens show, on top of demo-data.mjs:
// a profile, the programs on the list, some applications, letters, deadlines and an email.
// Usage: node scripts/dev/demo-readiness.mjs http://127.0.0.1:PORT/
import { call, demoProfile } from './api-client.mjs';
const today = new Date().toISOString().slice(0, 10);
const plus = (d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
await call('profile.save', demoProfile({ visaNeed: 'either_prefers_h1b' }));
// On a database without programs (demo-data.mjs not run), a few fictional sample programs.
if ((await call('programs.list')).length === 0) await call('sample.load', { institutions: 6 });
const programs = await call('programs.list');
const ids = programs.map((p) => p.id);
await call('programs.setOnList', { ids, onList: true });
const { created } = await call('applications.create', { programIds: ids, date: '2026-09-01' });
await call('applications.setStatus', { ids: created.slice(0, 6).map((a) => a.id), status: 'submitted', date: '2026-09-03' });
await call('applications.setStatus', { ids: created.slice(0, 2).map((a) => a.id), status: 'interview_invited', date: '2026-10-20' });
const w1 = await call('writers.save', { name: 'Dr. Jane Miller', location: 'us', isSurgeon: true });
const w2 = await call('writers.save', { name: 'Dr. Omar Siddiqui', location: 'home', isSurgeon: true });
const l1 = await call('letters.save', { writerId: w1.id });
await call('letters.setStage', { id: l1.id, stage: 'uploaded', date: '2026-08-20' });
const l2 = await call('letters.save', { writerId: w2.id });
await call('letters.setStage', { id: l2.id, stage: 'asked', date: plus(-20) });
await call('documents.save', { kind: 'personal_statement_surgery', title: 'Personal statement – surgery', date: '2026-08-10' });
await call('deadlines.save', { programId: ids[0], title: 'Supplemental application', dueDate: plus(2) });
await call('deadlines.save', { programId: ids[1], title: 'Video interview slot', dueDate: plus(-1) });
await call('communications.log', { programId: ids[2], channel: 'email', date: plus(-10), subject: 'Interest in your preliminary program', contact: 'Coordinator' });
console.log(`readiness demo data added (today ${today})`);
