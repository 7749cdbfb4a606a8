import { describe, expect, it } from 'vitest';
import { MESSAGE_KINDS } from '#shared/domain/message/message-schema';
import { DEFAULT_MESSAGE_TEMPLATES, fillTemplate } from '#shared/domain/message/message-templates';
import { formatWhen } from '#shared/domain/user/time-zone';
import { buildInvite, interviewUid } from './calendar-invite';
import { parseMailbox } from './capture-context';
import { candidateMessage, interviewerMessage } from '../../services/message-templates';
import { messageIdFor } from '../../services/outbox-entry';

const values = {
  candidateFirstName: 'Ada',
  candidateName: 'Ada L',
  jobTitle: 'Backend Engineer',
  senderName: 'Rita',
};

describe('candidate messages', () => {
  it.each(MESSAGE_KINDS.map((kind) => [kind]))('%s is sent as written, to the candidate', (kind) => {
    const filled = fillTemplate(DEFAULT_MESSAGE_TEMPLATES[kind], values);
    const message = candidateMessage({ kind, ...filled }, 'ada@example.org');
    expect(message.template).toBe(`candidate_${kind}`);
    expect(message.to).toEqual(['ada@example.org']);
    expect(message.subject).toContain(kind === 'hired' ? 'Welcome' : 'Backend Engineer');
    expect(message.text).toMatch(/^Dear Ada,/);
    expect(message.text).toBe(`${filled.body}\n`);
  });

  it('words a rejection kindly, without any reason', () => {
    const message = fillTemplate(DEFAULT_MESSAGE_TEMPLATES.rejection, values);
    expect(message.body).toContain('Thank you for the time and interest');
    expect(message.body).toContain('not a judgement of your worth');
    expect(message.body).not.toMatch(/reason|because|score/i);
  });
});

describe('interviewer messages and invites', () => {
  const start = new Date('2026-03-10T15:00:00.000Z');

  it('writes times in the configured zone, naming it', () => {
    expect(formatWhen(start, 'America/New_York')).toBe('Tuesday 10 March 2026, 11:00 (America/New_York)');
    const message = interviewerMessage('interview_rescheduled', {
      to: 'i@acme.example',
      interviewerName: 'Ivy',
      candidateName: 'Ada L',
      jobTitle: 'Backend Engineer',
      type: 'hiring_manager',
      start,
      durationMinutes: 30,
      place: 'Room 2',
      timeZone: 'America/New_York',
    });
    expect(message.subject).toBe(
      'Interview rescheduled: Ada L, Tuesday 10 March 2026, 11:00 (America/New_York)',
    );
    expect(message.text).toContain('hiring manager interview with Ada L');
    expect(message.text).toContain('Where: Room 2');
  });

  it('builds REQUEST and CANCEL invites with a stable UID, SEQUENCE and UTC times', () => {
    const event = {
      interviewId: 'int-1',
      sequence: 3,
      start,
      durationMinutes: 45,
      summary: 'Interview',
      description: 'Details',
      location: 'Room 2',
      url: null,
      organizer: parseMailbox('Acme Hiring <jobs@acme.example>'),
      attendee: { name: 'Ivy', email: 'i@acme.example' },
      stamp: start,
    };
    const request = buildInvite('REQUEST', event).ics;
    expect(request).toContain('METHOD:REQUEST');
    expect(request).toContain(`UID:${interviewUid('int-1')}`);
    expect(request).toContain('SEQUENCE:3');
    expect(request).toContain('DTSTART:20260310T150000Z');
    expect(request).toContain('DTEND:20260310T154500Z');
    expect(request).toMatch(/ORGANIZER;CN="?Acme Hiring"?:mailto:jobs@acme.example/);
    const cancel = buildInvite('CANCEL', event).ics;
    expect(cancel).toContain('METHOD:CANCEL');
    expect(cancel).toContain('STATUS:CANCELLED');
  });

  it('writes an invite in its attendee’s time zone, saying which (10:00 in Berlin is not 09:00 UTC)', () => {
    const berlin = buildInvite('REQUEST', {
      interviewId: 'int-2',
      sequence: 0,
      start: new Date('2026-03-03T09:00:00.000Z'),
      durationMinutes: 60,
      summary: 'Interview',
      description: 'Details',
      location: null,
      url: 'https://meet.example.com/x',
      organizer: parseMailbox('jobs@acme.example'),
      attendee: { name: 'Ivy', email: 'i@acme.example' },
      stamp: new Date('2026-03-01T09:00:00.000Z'),
      timeZone: 'Europe/Berlin',
    }).ics;
    expect(berlin).toContain('DTSTART;TZID=Europe/Berlin:20260303T100000');
    expect(berlin).toContain('DTEND;TZID=Europe/Berlin:20260303T110000');
    expect(berlin).toMatch(/BEGIN:VTIMEZONE\r?\nTZID:Europe\/Berlin/);
    expect(interviewUid('int-2', 'candidate')).not.toBe(interviewUid('int-2'));
  });

  it('gives every entry a stable Message-ID in the sender’s domain', () => {
    expect(messageIdFor('a:history:0', 'Acme <jobs@acme.example>')).toBe(
      messageIdFor('a:history:0', 'Acme <jobs@acme.example>'),
    );
    expect(messageIdFor('a:history:0', 'jobs@acme.example')).toMatch(/^<[0-9a-f]{32}@acme\.example>$/);
    expect(messageIdFor('a:history:1', 'jobs@acme.example')).not.toBe(
      messageIdFor('a:history:0', 'jobs@acme.example'),
    );
  });
});
