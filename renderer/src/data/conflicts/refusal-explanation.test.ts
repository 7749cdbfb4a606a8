import { describe, expect, it } from 'vitest';
import { changeAgain, explainRefusal, fieldDifferences } from './refusal-explanation';

const NOW = new Date(2026, 2, 2, 16, 0).getTime();
const at = (hour: number, minute = 0) => new Date(2026, 2, 2, hour, minute).toISOString();
const names: Record<string, string> = { 'user-priya': 'Priya Raman', 'user-jordan': 'Jordan Ellis' };
const lookups = { personName: (id: string) => names[id] ?? null, now: NOW };

const applied = { from: null, to: 'applied', by: 'user-jordan', at: at(9), recordedAt: at(9) };
const screening = { from: 'applied', to: 'screening', by: 'user-jordan', at: at(10), recordedAt: at(10) };
const base = { id: 'job-1__cand-1', jobId: 'job-1', candidateId: 'cand-1', updatedAt: 1, stage: 'screening', stageHistory: [applied, screening] };

describe('explaining a refused change', () => {
  it('names who did what meanwhile, in the person’s words', () => {
    const yours = { ...base, stage: 'interview', stageHistory: [applied, screening, { from: 'screening', to: 'interview', by: 'user-jordan', at: at(13), recordedAt: at(13) }] };
    const current = {
      ...base,
      updatedAt: 2,
      stage: 'rejected',
      stageHistory: [applied, screening, { from: 'screening', to: 'rejected', by: 'user-priya', at: at(14, 2), recordedAt: at(14, 2) }],
      rejection: { atStage: 'screening', reason: 'withdrew' },
    };
    const explained = explainRefusal('applications', 'application_closed', 'closed', yours, current, lookups);
    expect(explained.headline).toBe('Priya Raman rejected this application at 14:02, while your change was waiting to be sent.');
    expect(explained.differences).toEqual([
      { field: 'stage', label: 'Stage', yours: 'Interview', current: 'Rejected' },
      {
        field: 'stageHistory',
        label: 'Last stage change',
        yours: 'Screening → Interview, at 13:00 by Jordan Ellis',
        current: 'Screening → Rejected, at 14:02 by Priya Raman',
      },
      { field: 'rejection', label: 'Rejection', yours: '—', current: 'At stage: Screening · Reason: withdrew' },
    ]);
  });

  it('says the job was put on hold when that is why', () => {
    const yours = { ...base, stage: 'interview' };
    const explained = explainRefusal('applications', 'job_not_open', 'The job is on hold.', yours, base, {
      ...lookups,
      job: { title: 'Backend Engineer', status: 'on_hold' },
    });
    expect(explained.headline).toBe('The job was put on hold (Backend Engineer), so your change could not be made.');
    const reopened = explainRefusal('applications', 'job_not_open', 'The job is on hold.', yours, base, {
      ...lookups,
      job: { title: 'Backend Engineer', status: 'open' },
    });
    expect(reopened.headline).toBe('The job (Backend Engineer) was not open when your change arrived; it is open again now.');
  });

  it('falls back to the rule’s words, and to “not saved” for a document that never existed', () => {
    expect(explainRefusal('candidates', 'duplicate_email', 'Another candidate has it.', { id: 'c' }, { id: 'c' }, lookups).headline).toBe(
      'Another candidate has it.',
    );
    expect(explainRefusal('candidates', 'forbidden_role', 'Not yours.', { id: 'c' }, null, lookups).headline).toBe('Not yours. It was not saved.');
  });

  it('shows times and people, not epochs and ids', () => {
    const differences = fieldDifferences(
      { scheduledAt: at(9), interviewerIds: ['user-priya'], updatedAt: 5 },
      { scheduledAt: at(11), interviewerIds: ['user-jordan', 'user-x'], updatedAt: 9 },
      lookups,
    );
    expect(differences).toEqual([
      { field: 'scheduledAt', label: 'Time', yours: '2 Mar 2026, 09:00', current: '2 Mar 2026, 11:00' },
      { field: 'interviewerIds', label: 'Interviewers', yours: 'Priya Raman', current: 'Jordan Ellis, user-x' },
    ]);
  });
});

describe('applying a change again', () => {
  it('makes a stage move again from the current stage, now', () => {
    const yours = { ...base, stage: 'interview', stageHistory: [applied, screening, { from: 'screening', to: 'interview', by: 'user-jordan', at: at(13), recordedAt: at(13) }] };
    const current = { ...base, stage: 'applied', stageHistory: [applied] };
    const again = changeAgain('applications', yours, current, NOW);
    expect(again?.['stage']).toBe('interview');
    expect(again?.['stageHistory']).toEqual([applied, { from: 'applied', to: 'interview', by: 'user-jordan', at: new Date(NOW).toISOString(), recordedAt: at(13) }]);
  });

  it('takes back the person’s fields on other documents, and has nothing to redo when they match', () => {
    expect(changeAgain('candidates', { id: 'c', phone: '1', notes: 'x' }, { id: 'c', phone: '2', notes: 'x', updatedAt: 3 }, NOW)).toEqual({
      id: 'c',
      phone: '1',
      notes: 'x',
      updatedAt: 3,
    });
    expect(changeAgain('candidates', { id: 'c', phone: '1' }, { id: 'c', phone: '1', updatedAt: 3 }, NOW)).toBeNull();
  });
});
