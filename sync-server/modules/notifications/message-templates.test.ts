import { describe, expect, it } from 'vitest';
import { STAGES } from '#shared/domain/application/application-schema';
import { buildInvite, interviewUid } from './calendar-invite';
import { parseMailbox } from './capture-context';
import {
  candidateStageMessage,
  formatWhen,
  interviewerMessage,
  type MessageContext,
} from '../../services/message-templates';
import { messageIdFor } from '../../services/outbox-entry';

const context: MessageContext = {
  organisation: 'Acme',
  publicUrl: 'https://jobs.acme.example',
  timeZone: 'America/New_York',
};
const input = { to: 'ada@example.org', firstName: 'Ada', jobTitle: 'Backend Engineer' };

describe('candidate messages', () => {
  it.each(STAGES.map((stage) => [stage]))('%s has its own template, addressed to the candidate', (stage) => {
    const message = candidateStageMessage(stage, input, context);
    expect(message.template).toBe(stage === 'applied' ? 'application_received' : `stage_${stage}`);
    expect(message.to).toEqual(['ada@example.org']);
    expect(message.subject).toContain(stage === 'hired' ? 'Welcome' : 'Backend Engineer');
    expect(message.text).toMatch(/^Dear Ada,/);
    expect(message.text).toContain('The Acme hiring team');
    expect(message.text).toContain('https://jobs.acme.example/careers/#/applications');
  });

  it('words a rejection kindly, without any reason', () => {
    const message = candidateStageMessage('rejected', input, context);
    expect(message.text).toContain('Thank you for the time and interest');
    expect(message.text).toContain('not a judgement of your worth');
    expect(message.text).not.toMatch(/reason|because|score/i);
  });
});

describe('interviewer messages and invites', () => {
  const start = new Date('2026-03-10T15:00:00.000Z');

  it('writes times in the configured zone, naming it', () => {
    expect(formatWhen(start, context)).toBe('Tuesday 10 March 2026, 11:00 (America/New_York)');
    const message = interviewerMessage(
      'interview_rescheduled',
      {
        to: 'i@acme.example',
        interviewerName: 'Ivy',
        candidateName: 'Ada L',
        jobTitle: 'Backend Engineer',
        type: 'hiring_manager',
        start,
        durationMinutes: 30,
        place: 'Room 2',
      },
      context,
    );
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
