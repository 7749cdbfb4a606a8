import { describe, expect, it } from 'vitest';
import { blankInterviewFields, interviewFields, toInterview } from './interview-form-model';

const application = { id: 'job__cand', jobId: 'job', candidateId: 'cand' };
const actor = { id: 'recruiter', role: 'recruiter' } as const;
const NOW = new Date(2026, 10, 18, 12, 0).getTime();

describe('interview form model', () => {
  it('builds a new scheduled interview with a meeting link or a room', () => {
    const fields = {
      ...blankInterviewFields(NOW),
      interviewerIds: ['i1'],
      place: 'https://meet.example.com/x',
    };
    const result = toInterview(fields, application, actor, null, () => 'interview-1', NOW);
    expect(result).toMatchObject({
      ok: true,
      interview: {
        id: 'interview-1',
        status: 'scheduled',
        meetingUrl: 'https://meet.example.com/x',
        interviewerIds: ['i1'],
      },
    });
    const room = toInterview({ ...fields, place: 'Room 4' }, application, actor, null, () => 'x', NOW);
    expect(room.ok && room.interview.location).toBe('Room 4');
    expect(room.ok && 'meetingUrl' in room.interview).toBe(false);
  });

  it('reschedules keeping identity and scorecards, and round-trips its fields', () => {
    const created = toInterview(
      { ...blankInterviewFields(NOW), interviewerIds: ['i1'], place: 'Room 4' },
      application,
      actor,
      null,
      () => 'interview-1',
      NOW,
    );
    if (!created.ok) throw new Error(created.message);
    const fields = { ...interviewFields(created.interview), durationMinutes: '45' };
    const moved = toInterview(fields, application, actor, created.interview, () => 'other', NOW);
    expect(moved).toMatchObject({
      ok: true,
      interview: { id: 'interview-1', durationMinutes: 45, createdAt: created.interview.createdAt },
    });
  });

  it('asks for a time it can read', () => {
    const fields = { ...blankInterviewFields(NOW), scheduledAt: '' };
    expect(toInterview(fields, application, actor, null, () => 'x', NOW)).toMatchObject({ ok: false });
  });
});
