import { describe, expect, it } from 'vitest';
import { decideWrite } from '#shared/domain/decide/decide-write';
import { defaultSettings } from '#shared/domain/settings/settings-schema';
import { draftProblem, messageFromDraft, startDraft } from './message-draft';
import { interviewValues, messageValues } from './message-values';

const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const candidate = {
  id: 'cand-1',
  updatedAt: NOW,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.org',
  skills: [],
  source: 'linkedin' as const,
  tags: [],
  createdBy: 'recruiter-1',
  createdAt: '2026-03-01T10:00:00.000Z',
};

const values = messageValues({
  candidate: { firstName: 'Ada', lastName: 'Lovelace' },
  job: { title: 'Data Engineer' },
  senderName: 'Rita',
});

describe('the message a dialog offers', () => {
  it('starts from the organisation’s template, filled in, with "send" as the organisation set it', () => {
    const settings = defaultSettings(NOW);
    const off = startDraft(settings, 'rejection', values);
    expect(off.send).toBe(false);
    expect(off.subject).toBe('Your application for Data Engineer');
    expect(off.body).toMatch(/^Dear Ada,/);
    expect(off.body).toContain('Kind regards,\nRita');
    const on = startDraft({ ...settings, messageDefaults: { rejection: true } }, 'rejection', values);
    expect(on.send).toBe(true);
  });

  it('asks for placeholders to be filled before sending, and says nothing when not sending', () => {
    const draft = startDraft(defaultSettings(NOW), 'offer', values); // no deadline known yet
    expect(draftProblem({ ...draft, send: true })).toMatch(/placeholders/);
    expect(draftProblem({ ...draft, send: false })).toBeNull();
    expect(draftProblem({ send: true, subject: 'Hi', body: ' ' })).toMatch(/subject and a text/);
  });

  it('writes an invitation’s time in the candidate’s zone, else the organisation’s, naming it', () => {
    const interview = {
      type: 'technical' as const,
      scheduledAt: '2026-03-03T09:00:00.000Z',
      durationMinutes: 45,
      location: 'Room 2',
    };
    expect(interviewValues(interview, 'Europe/Berlin', 'UTC').interviewWhen).toBe(
      'Tuesday 3 March 2026, 10:00 (Europe/Berlin)',
    );
    expect(interviewValues(interview, undefined, 'America/New_York').interviewWhen).toBe(
      'Tuesday 3 March 2026, 04:00 (America/New_York)',
    );
    expect(interviewValues(interview, undefined, undefined)).toMatchObject({
      interviewPlace: 'Room 2',
      interviewDuration: '45 minutes',
    });
  });

  it('becomes a queued message the shared rules accept', () => {
    const draft = { ...startDraft(defaultSettings(NOW), 'rejection', values), send: true };
    const message = messageFromDraft(
      draft,
      {
        kind: 'rejection',
        candidateId: 'cand-1',
        applicationId: 'job-1__cand-1',
        stageChangeAt: new Date(NOW - 1000).toISOString(),
      },
      { id: 'recruiter-1', role: 'recruiter' },
      'msg-x',
      NOW - 1000,
    );
    expect(message.status).toBe('queued');
    expect(
      decideWrite(
        { id: 'recruiter-1', role: 'recruiter' },
        'messages',
        null,
        { ...message },
        { now: NOW, candidate },
      ).ok,
    ).toBe(true);
  });
});
