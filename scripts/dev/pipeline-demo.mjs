// Adds fictional sample programs and about 120 applications spread over the statuses, with
// interviews in several time zones (one pair in conflict) and a rank list, for screenshots
// of the Applications screen. Usage: node scripts/dev/pipeline-demo.mjs http://127.0.0.1:PORT/
// Works after the other demo scripts too: existing applications are reused and only moved forward.
import { call } from './api-client.mjs';
if ((await call('programs.list')).length < 120) await call('sample.load', { institutions: 90 });
const programs = (await call('programs.list')).slice(0, 120);
await call('applications.create', { programIds: programs.map((p) => p.id), date: '2026-08-20' });
const apps = (await call('applications.list')).sort((a, b) => a.id - b.id).slice(0, 120);
const ids = apps.map((a) => a.id);
const ORDER = ['considering', 'materials_ready', 'submitted', 'under_review', 'interview_invited', 'interview_scheduled', 'interviewed', 'ranked', 'matched', 'not_matched'];
const statusOf = new Map(apps.map((a) => [a.id, a.status]));
const isAhead = (id, status) => {
  const now = statusOf.get(id);
  if (now === 'rejected' || now === 'withdrawn') return false;
  return status === 'rejected' || status === 'withdrawn' || ORDER.indexOf(now) < ORDER.indexOf(status);
};
const move = async (slice, status, date) => {
  const forward = slice.filter((id) => isAhead(id, status));
  if (!forward.length) return;
  for (const a of await call('applications.setStatus', { ids: forward, status, date, note: '' })) statusOf.set(a.id, a.status);
};
await move(ids.slice(10), 'materials_ready', '2026-09-01');
await move(ids.slice(20), 'submitted', '2026-09-24');
await move(ids.slice(45), 'under_review', '2026-10-05');
await move(ids.slice(100, 104), 'rejected', '2026-10-20');
await move(ids.slice(104, 106), 'withdrawn', '2026-10-22');
const zones = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Denver'];
const slots = ['2026-11-10T09:00', '2026-11-10T08:30', '2026-11-12T13:00', '2026-11-17T09:00', '2026-11-19T10:00', '2026-12-01T08:00', '2026-12-03T09:00', '2026-12-08T12:00'];
for (let i = 0; i < 14; i++) {
  const applicationId = ids[60 + i];
  const scheduled = i < 10;
  const done = i < 4;
  await call('interviews.save', {
    applicationId,
    date: '2026-10-20',
    invitedOn: '2026-10-1' + (i % 9),
    respondBy: '2026-10-2' + (i % 9),
    ...(scheduled ? { localStart: slots[i % slots.length].replace('2026-11-10', done ? '2026-11-0' + (3 + i) : '2026-11-10'), timeZone: zones[i % zones.length], durationMinutes: 240, platform: i % 3 === 0 ? 'thalamus' : 'zoom' } : {}),
    ...(done ? { completed: true, score: 6 + i, impressions: 'Supportive residents; prelims get real operative time.' } : {}),
  });
}
await call('rankList.save', { applicationIds: ids.slice(60, 63), date: '2026-11-20' });
await call('prepCard.save', { ownership: 'I did not structure my Step 1 preparation well, and my score reflects that.', reflection: 'I learned to plan, self-test and ask for feedback early.', evidence: 'NBME practice tests and mentorship: Step 2 CK +17 points, Step 3 passed first attempt.', reassurance: '' });
console.log(`${ids.length} applications in the pipeline`);
