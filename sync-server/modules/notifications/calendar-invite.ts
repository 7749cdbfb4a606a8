import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { wallClock } from '#shared/domain/user/time-zone';
import type { CalendarInvite } from '../../services/outbox-entry';

/** The event an invite describes. */
export interface InviteEvent {
  /** The interview id: the UID is stable for the life of the interview. */
  readonly interviewId: string;
  /** Whom the event is for: the interviewers share one event, a candidate's invitation is its own. */
  readonly audience?: 'interviewers' | 'candidate';
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
  /**
   * The attendee's IANA time zone: times are written in it (`DTSTART;TZID=…` with its VTIMEZONE), so
   * the invite says which clock is meant. UTC, or a zone without VTIMEZONE data, is written in UTC.
   */
  readonly timeZone?: string;
}

/** The stable UID of an interview's calendar event (the interviewers'; a candidate's has its own). */
export function interviewUid(
  interviewId: string,
  audience: InviteEvent['audience'] = 'interviewers',
): string {
  return audience === 'candidate'
    ? `interview-${interviewId}-candidate@shortlist`
    : `interview-${interviewId}@shortlist`;
}

/** The VTIMEZONE of `zone`, or null when the invite is better written in UTC. */
function vtimezoneOf(zone: string | undefined): string | null {
  if (!zone || zone === 'UTC' || zone === 'Etc/UTC') return null;
  return getVtimezoneComponent(zone);
}

/** An iTIP invite (RFC 5546): METHOD:REQUEST to schedule or update, METHOD:CANCEL to cancel. */
export function buildInvite(method: CalendarInvite['method'], event: InviteEvent): CalendarInvite {
  const zone = vtimezoneOf(event.timeZone) && event.timeZone ? event.timeZone : null;
  const calendar = new ICalCalendar({
    prodId: { company: 'Shortlist', product: 'Shortlist ATS', language: 'EN' },
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    ...(zone ? { timezone: { name: zone, generator: getVtimezoneComponent } } : {}),
  });
  const end = new Date(event.start.getTime() + event.durationMinutes * 60_000);
  calendar.createEvent({
    id: interviewUid(event.interviewId, event.audience),
    sequence: event.sequence,
    // In a zone, the wall-clock times of that zone with its TZID; else UTC instants.
    start: zone ? wallClock(event.start, zone) : event.start,
    end: zone ? wallClock(end, zone) : end,
    ...(zone ? { timezone: zone } : {}),
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
