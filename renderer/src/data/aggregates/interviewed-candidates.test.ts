import { describe, expect, it } from 'vitest';
import { InterviewedCandidates } from './interviewed-candidates';
import { interview } from './interview-fixture';

describe('the candidates an interviewer is assigned to interview', () => {
  it('keeps the candidates of their interviews only, each once, sorted', () => {
    const mine = new InterviewedCandidates('interviewer-2');
    mine.set(interview({ id: 'i1', candidateId: 'cand-b' }));
    mine.set(interview({ id: 'i2', candidateId: 'cand-a' }));
    mine.set(interview({ id: 'i3', candidateId: 'cand-b' }));
    mine.set(interview({ id: 'i4', candidateId: 'cand-c', interviewerIds: ['interviewer-1'] }));
    expect(mine.candidateIds()).toEqual(['cand-a', 'cand-b']);
  });

  it('follows an interview that is reassigned, moved to another candidate or deleted', () => {
    const mine = new InterviewedCandidates('interviewer-1');
    mine.set(interview({ id: 'i1', candidateId: 'cand-a' }));
    mine.set(interview({ id: 'i2', candidateId: 'cand-b' }));
    mine.set(interview({ id: 'i1', candidateId: 'cand-a', interviewerIds: ['interviewer-2'] }));
    expect(mine.candidateIds()).toEqual(['cand-b']);
    mine.set(interview({ id: 'i2', candidateId: 'cand-c' }));
    expect(mine.candidateIds()).toEqual(['cand-c']);
    mine.remove('i2');
    expect(mine.candidateIds()).toEqual([]);
  });

  it('hands out the same list until it changes, so the prefetch runs only for a change', () => {
    const mine = new InterviewedCandidates('interviewer-1');
    mine.set(interview({ id: 'i1', candidateId: 'cand-a' }));
    const first = mine.candidateIds();
    mine.set(interview({ id: 'i1', candidateId: 'cand-a', durationMinutes: 30 }));
    mine.set(interview({ id: 'i9', candidateId: 'cand-z', interviewerIds: ['someone-else'] }));
    mine.remove('i9');
    expect(mine.candidateIds()).toBe(first);
    mine.set(interview({ id: 'i2', candidateId: 'cand-b' }));
    expect(mine.candidateIds()).not.toBe(first);
  });
});
