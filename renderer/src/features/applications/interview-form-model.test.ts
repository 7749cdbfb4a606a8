import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import type { Interview } from '#shared/domain/interview/interview-schema';
import {
  blankInterviewFields,
  interviewFields,
  isFormChanged,
  scheduleWarnings,
  toInterview,
} from './interview-form-model';

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

describe('schedule warnings', () => {
  const HOUR = 3_600_000;
  const at = (ms: number) => new Date(ms).toISOString();
  const other = (id: string, start: number, overrides: Partial<Interview> = {}): Interview => ({
    id,
    updatedAt: 0,
    applicationId: 'job__other',
    jobId: 'job',
    candidateId: 'other',
    type: 'technical',
    scheduledAt: at(start),
    durationMinutes: 60,
    interviewerIds: ['i1', 'i2'],
    status: 'scheduled',
    scorecards: [],
    createdBy: 'recruiter',
    createdAt: at(0),
    ...overrides,
  });
  const fieldsAt = (start: number, interviewerIds = ['i1']) => ({
    ...blankInterviewFields(NOW),
    scheduledAt: format(start, "yyyy-MM-dd'T'HH:mm"),
    durationMinutes: '60',
    interviewerIds,
  });

  it('warns of a time in the past', () => {
    expect(scheduleWarnings(fieldsAt(NOW - HOUR), null, [], NOW).isPast).toBe(true);
    expect(scheduleWarnings(fieldsAt(NOW + HOUR), null, [], NOW).isPast).toBe(false);
  });

  it('names each chosen interviewer already in another scheduled interview at that time', () => {
    const start = NOW + 24 * HOUR;
    const interviews = [
      other('overlapping', start + 30 * 60_000),
      other('back-to-back', start + HOUR),
      other('cancelled', start, { status: 'cancelled' }),
      other('declined', start, {
        declines: [{ interviewerId: 'i1', reason: 'Away', at: at(NOW), scheduledAt: at(start) }],
      }),
      other('someone-else', start, { interviewerIds: ['i3'] }),
    ];
    const warnings = scheduleWarnings(fieldsAt(start, ['i1', 'i2']), null, interviews, NOW);
    expect(warnings.overlaps.map((overlap) => `${overlap.interview.id}/${overlap.interviewerId}`)).toEqual([
      'declined/i2',
      'overlapping/i1',
      'overlapping/i2',
    ]);
    // Rescheduling an interview never overlaps itself.
    const moved = scheduleWarnings(fieldsAt(start + 30 * 60_000), 'overlapping', interviews, NOW);
    expect(moved.overlaps.map((overlap) => overlap.interview.id)).toEqual(['back-to-back']);
  });

  it('tells a changed form from an untouched one', () => {
    const initial = blankInterviewFields(NOW);
    expect(isFormChanged({ ...initial }, initial)).toBe(false);
    expect(isFormChanged({ ...initial, place: 'Room 4' }, initial)).toBe(true);
  });

  it('keeps the kit an interview follows, and drops it when none is chosen', () => {
    const fields = { ...blankInterviewFields(NOW), interviewerIds: ['i1'], kitId: 'kit-technical' };
    const created = toInterview(fields, application, actor, null, () => 'interview-1', NOW);
    expect(created.ok && created.interview.kitId).toBe('kit-technical');
    if (!created.ok) return;
    expect(interviewFields(created.interview).kitId).toBe('kit-technical');
    const without = toInterview(
      { ...fields, kitId: '' },
      application,
      actor,
      created.interview,
      () => 'x',
      NOW,
    );
    expect(without.ok && 'kitId' in without.interview).toBe(false);
  });
});

describe('the form’s time, in the scheduler’s zone (not this computer’s)', () => {
  const at = Date.UTC(2026, 2, 10, 12, 0);
  it('reads a typed time in the zone the person chose', () => {
    const fields = {
      ...blankInterviewFields(at, 'America/New_York'),
      scheduledAt: '2026-03-10T10:00',
      interviewerIds: ['i1'],
    };
    const inNewYork = toInterview(fields, application, actor, null, () => 'x', at, 'America/New_York');
    const inBerlin = toInterview(fields, application, actor, null, () => 'x', at, 'Europe/Berlin');
    expect(inNewYork).toMatchObject({ ok: true, interview: { scheduledAt: '2026-03-10T14:00:00.000Z' } });
    expect(inBerlin).toMatchObject({ ok: true, interview: { scheduledAt: '2026-03-10T09:00:00.000Z' } });
  });

  it('shows an interview’s time as the clock in that zone does, and round-trips it', () => {
    const created = toInterview(
      { ...blankInterviewFields(at, 'UTC'), scheduledAt: '2026-03-10T14:00', interviewerIds: ['i1'] },
      application,
      actor,
      null,
      () => 'x',
      at,
      'UTC',
    );
    if (!created.ok) throw new Error(created.message);
    const { interview } = created;
    const fields = interviewFields(interview, 'America/New_York');
    expect(fields.scheduledAt).toBe('2026-03-10T10:00');
    expect(
      toInterview(fields, application, actor, interview, () => 'x', at, 'America/New_York'),
    ).toMatchObject({
      interview: { scheduledAt: interview.scheduledAt },
    });
  });

  it('starts a new interview tomorrow at 10:00 on the scheduler’s clock, and judges “in the past” by it', () => {
    // 23:30 in New York is already tomorrow in Berlin.
    const lateEvening = Date.UTC(2026, 2, 11, 3, 30);
    expect(blankInterviewFields(lateEvening, 'America/New_York').scheduledAt).toBe('2026-03-11T10:00');
    expect(blankInterviewFields(lateEvening, 'Europe/Berlin').scheduledAt).toBe('2026-03-12T10:00');
    const fields = { ...blankInterviewFields(lateEvening, 'UTC'), scheduledAt: '2026-03-10T23:00' };
    expect(scheduleWarnings(fields, null, [], lateEvening, 'America/New_York').isPast).toBe(true);
    expect(scheduleWarnings(fields, null, [], lateEvening, 'Pacific/Honolulu').isPast).toBe(false);
  });
});
