import { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CalendarInvite } from '../../services/outbox-entry';

/** The event an invite describes. Times are UTC instants, written as UTC in the invite. */
export interface InviteEvent {
  /** The interview id: the UID is stable for the life of the interview. */
  readonly interviewId: string;
  /** Increases with every change the attendees must see (RFC 5545 SEQUENCE). */
  readonly sequence: number;
  readonly start: Date;
  readonly durationMinutes: number;
  readonly summary: string;
  readonly description: string;
  readonly location: string | null;
  readonly url: string | null;
  readonly organizer: { readonly name: string; readonly email: string };
  readonly attendee: { readonly name: string; readonly email: string };
  /** When this version was made (DTSTAMP). */
  readonly stamp: Date;
}

/** The stable UID of an interview's calendar event. */
export function interviewUid(interviewId: string): string {
  return `interview-${interviewId}@shortlist`;
}

/** An iTIP invite (RFC 5546): METHOD:REQUEST to schedule or update, METHOD:CANCEL to cancel. */
export function buildInvite(method: CalendarInvite['method'], event: InviteEvent): CalendarInvite {
  const calendar = new ICalCalendar({
    prodId: { company: 'Shortlist', product: 'Shortlist ATS', language: 'EN' },
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  calendar.createEvent({
    id: interviewUid(event.interviewId),
    sequence: event.sequence,
    start: event.start,
    end: new Date(event.start.getTime() + event.durationMinutes * 60_000),
    stamp: event.stamp,
    summary: event.summary,
    description: event.description,
    location: event.location,
    url: event.url,
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: event.organizer.name, email: event.organizer.email },
    attendees: [{ name: event.attendee.name, email: event.attendee.email, rsvp: true }],
  });
  return { method, ics: calendar.toString() };
}
