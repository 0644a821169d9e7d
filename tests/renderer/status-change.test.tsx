// Issue 13: going back along the pipeline (Submitted → Considering) explains and asks first.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { StatusChangeForm } from '../../renderer/screens/applications/StatusChange';
import { usePipelineStore } from '../../renderer/stores/pipeline-store';
import type { ApplicationOverview } from '../../shared/api/pipeline-api';
import { installFakeTransport } from './fake-transport';

const app: ApplicationOverview = {
  id: 1, programId: 101, status: 'submitted', statusDate: '2026-09-02', submittedOn: '2026-09-02', notes: '', createdAt: '', updatedAt: '',
  program: { institutionName: 'Mercy', track: 'preliminary', city: '', state: 'OH', nrmpCode: '', isSample: false }, interviewCount: 0, rank: null, reached: 'submitted',
};

let fake: ReturnType<typeof installFakeTransport>;
beforeEach(() => {
  fake = installFakeTransport({ 'applications.setStatus': () => [], 'applications.overview': () => [app], 'interviews.list': () => [] });
  usePipelineStore.setState({ applications: [app] });
});

describe('status change going back', () => {
  it('asks before moving Submitted back to Considering, then moves on "Yes, move back"', async () => {
    const user = userEvent.setup();
    let done = false;
    render(<StatusChangeForm ids={[1]} initialStatus="considering" submitLabel="Change status" onDone={() => (done = true)} />);
    await user.click(screen.getByRole('button', { name: 'Change status' }));
    expect(screen.getByRole('alert').textContent).toMatch(/back \(Submitted → Considering\): do it only to correct the record/);
    expect(fake.methods()).not.toContain('applications.setStatus');
    await user.click(screen.getByRole('button', { name: 'Yes, move back' }));
    expect(fake.methods()).toContain('applications.setStatus');
    expect(done).toBe(true);
  });
});
