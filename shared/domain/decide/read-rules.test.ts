import { describe, expect, it } from 'vitest';
import type { Application } from '../application/application-schema';
import { COLLECTIONS } from '../collections';
import type { Interview } from '../interview/interview-schema';
import {
  actor,
  application,
  candidate,
  context,
  interview,
  job,
  scorecard,
  user,
} from '../../test-support/fixtures';
import { decideWrite } from './decide-write';
import { canRead, interviewerScope, redactForReader, restoreWithheld } from './read-rules';

const me = actor('interviewer', 'interviewer-1');
const mine = interview({ id: 'int-mine', interviewerIds: ['interviewer-1', 'interviewer-2'] });
const theirs = interview({
  id: 'int-theirs',
  applicationId: 'job-2__cand-2',
  jobId: 'job-2',
  candidateId: 'cand-2',
  interviewerIds: ['interviewer-2'],
});

describe('interviewer read scope', () => {
  const scope = interviewerScope(me.id, [mine, theirs]);

  it('covers the interviews they are assigned to and their application, job and candidate', () => {
    expect(canRead(me, 'interviews', mine, scope)).toBe(true);
    expect(canRead(me, 'applications', { id: mine.applicationId }, scope)).toBe(true);
    expect(canRead(me, 'jobs', { id: 'job-1' }, scope)).toBe(true);
    expect(canRead(me, 'candidates', { id: 'cand-1' }, scope)).toBe(true);
    expect(canRead(me, 'users', user('admin-1', 'admin'), scope)).toBe(true);
  });

  it('excludes everything else', () => {
    expect(canRead(me, 'interviews', theirs, scope)).toBe(false);
    expect(canRead(me, 'applications', { id: theirs.applicationId }, scope)).toBe(false);
    expect(canRead(me, 'jobs', { id: 'job-2' }, scope)).toBe(false);
    expect(canRead(me, 'candidates', { id: 'cand-2' }, scope)).toBe(false);
    expect(canRead(me, 'jobs', { id: 'job-1' }, null)).toBe(false);
  });

  it('follows assignment: unassigned, the documents leave the scope', () => {
    const unassigned = { ...mine, interviewerIds: ['interviewer-2'] };
    const after = interviewerScope(me.id, [unassigned, theirs]);
    expect(canRead(me, 'interviews', mine, after)).toBe(false);
    expect(canRead(me, 'candidates', { id: 'cand-1' }, after)).toBe(false);
  });

  it('lets admins, hiring managers and recruiters read everything, and candidates nothing', () => {
    for (const collection of COLLECTIONS) {
      for (const role of ['admin', 'hiring_manager', 'recruiter'] as const) {
        expect(canRead(actor(role), collection, { id: 'anything' }, null)).toBe(true);
      }
      expect(canRead(actor('candidate'), collection, { id: 'anything' }, null)).toBe(false);
    }
  });
});

describe('redaction', () => {
  it('never gives an interviewer the offer', () => {
    const offered = application('offer');
    expect(redactForReader(me, 'applications', offered)).not.toHaveProperty('offer');
    expect(redactForReader(actor('recruiter'), 'applications', offered)).toHaveProperty('offer');
  });

  it('withholds other scorecards until the interviewer has submitted their own', () => {
    const othersOnly = { ...mine, scorecards: [scorecard('interviewer-2')] };
    expect((redactForReader(me, 'interviews', othersOnly) as Interview).scorecards).toEqual([]);
    const both = { ...mine, scorecards: [scorecard('interviewer-2'), scorecard('interviewer-1')] };
    expect((redactForReader(me, 'interviews', both) as Interview).scorecards).toHaveLength(2);
    expect(
      (redactForReader(actor('hiring_manager'), 'interviews', othersOnly) as Interview).scorecards,
    ).toHaveLength(1);
  });

  it('leaves other documents whole', () => {
    expect(redactForReader(me, 'jobs', job())).toEqual(job());
    expect(redactForReader(me, 'candidates', candidate())).toEqual(candidate());
  });
});

describe('writing from a redacted copy', () => {
  it('an interviewer’s own scorecard on a redacted interview is judged as only that change', () => {
    const stored = { ...mine, scorecards: [scorecard('interviewer-2')] };
    const seen = redactForReader(me, 'interviews', stored) as Interview;
    const edited = { ...seen, scorecards: [scorecard('interviewer-1')] };
    const restored = restoreWithheld(me, 'interviews', stored, edited);
    expect((restored as unknown as Interview).scorecards.map((card) => card.interviewerId).sort()).toEqual([
      'interviewer-1',
      'interviewer-2',
    ]);
    expect(decideWrite(me, 'interviews', stored, restored, context()).ok).toBe(true);
    // Unrestored, the same write would look like deleting a colleague's scorecard.
    expect(decideWrite(me, 'interviews', stored, edited, context()).ok).toBe(false);
  });

  it('an interviewer’s copy of an application gets its offer back before judging', () => {
    const stored = application('offer');
    const seen = redactForReader(me, 'applications', stored) as Application;
    const restored = restoreWithheld(me, 'applications', stored, { ...seen });
    expect(restored['offer']).toEqual(stored.offer);
  });

  it('changes nothing for roles that see everything', () => {
    const edited = { ...mine, scorecards: [] };
    expect(restoreWithheld(actor('recruiter'), 'interviews', mine, edited)).toBe(edited);
  });
});

describe('structured scorecards withheld until one’s own is in (issue 19)', () => {
  const ratedCard = scorecard('interviewer-2', {
    attributeRatings: [{ attributeId: 'design', rating: 2, note: 'Hand-wavy on retries.' }],
  });
  const stored = { ...mine, kitId: 'kit-technical', scorecards: [ratedCard] };

  it('withholds colleagues’ attribute ratings with their scorecards, and says whose they are', () => {
    const seen = redactForReader(me, 'interviews', stored) as Interview;
    expect(seen.scorecards).toEqual([]);
    expect(seen.withheldScorecardAuthors).toEqual(['interviewer-2']);
    expect(JSON.stringify(seen)).not.toContain('Hand-wavy');
    expect(redactForReader(me, 'interviews', mine)).not.toHaveProperty('withheldScorecardAuthors');
  });

  it('gives the whole interview, without the note, once one’s own is submitted, and to full readers always', () => {
    const both = { ...stored, scorecards: [ratedCard, scorecard('interviewer-1')] };
    expect(redactForReader(me, 'interviews', both)).toEqual(both);
    for (const role of ['admin', 'hiring_manager', 'recruiter'] as const) {
      expect(redactForReader(actor(role), 'interviews', stored)).toEqual(stored);
    }
  });

  it('drops the note and puts the withheld scorecards back before a write is judged', () => {
    const seen = redactForReader(me, 'interviews', stored) as Interview;
    const edited = { ...seen, scorecards: [scorecard('interviewer-1')] };
    const restored = restoreWithheld(me, 'interviews', stored, edited);
    expect(restored).not.toHaveProperty('withheldScorecardAuthors');
    expect(restored['scorecards']).toEqual([ratedCard, scorecard('interviewer-1')]);
    const submitted = { ...stored, scorecards: [ratedCard, scorecard('interviewer-1')] };
    expect(
      restoreWithheld(me, 'interviews', submitted, { ...submitted, withheldScorecardAuthors: ['x'] }),
    ).toEqual(submitted);
  });
});
