import { describe, expect, it } from 'vitest';
import type { Application } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Comment } from '#shared/domain/comment/comment-schema';
import { buildTimeline } from './candidate-timeline';

const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const DAY = 86_400_000;
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

const candidate = (overrides: Partial<Candidate>): Candidate => ({
  id: 'cand-1',
  updatedAt: NOW,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.org',
  skills: [],
  source: 'linkedin',
  tags: [],
  createdBy: 'recruiter-1',
  createdAt: iso(-20 * DAY),
  ...overrides,
});

const path = ['applied', 'screening', 'interview'] as const;
const application = (): Application => ({
  id: 'job-1__cand-1',
  updatedAt: NOW,
  jobId: 'job-1',
  candidateId: 'cand-1',
  stage: 'interview',
  stageHistory: path.map((to, index) => ({
    from: index === 0 ? null : (path[index - 1] ?? null),
    to,
    by: 'recruiter-1',
    at: iso((index - 10) * DAY),
    recordedAt: iso((index - 10) * DAY),
  })),
  source: 'linkedin',
  createdBy: 'recruiter-1',
  createdAt: iso(-10 * DAY),
});

const interview = (): Interview => ({
  id: 'int-1',
  updatedAt: NOW,
  applicationId: 'job-1__cand-1',
  jobId: 'job-1',
  candidateId: 'cand-1',
  type: 'technical',
  scheduledAt: iso(-3 * DAY),
  durationMinutes: 60,
  interviewerIds: ['interviewer-1'],
  status: 'completed',
  scorecards: [
    {
      interviewerId: 'interviewer-1',
      rating: 4,
      recommendation: 'yes',
      notes: '',
      submittedAt: iso(-2 * DAY),
    },
  ],
  createdBy: 'recruiter-1',
  createdAt: iso(-4 * DAY),
});

const comment = (id: string, at: string, overrides: Partial<Comment> = {}): Comment => ({
  id,
  updatedAt: 1,
  candidateId: 'cand-1',
  body: `Comment ${id}`,
  mentions: [],
  createdBy: 'hiring_manager-1',
  createdAt: at,
  ...overrides,
});

describe('a candidate’s timeline', () => {
  const sources = {
    candidate: candidate({
      notes: 'Met at the fair.',
      resume: {
        fileName: 'ada.pdf',
        contentType: 'application/pdf' as const,
        size: 10,
        sha256: 'a'.repeat(64),
        uploadedAt: iso(-15 * DAY),
      },
    }),
    applications: [application()],
    interviews: [interview()],
    comments: [comment('c1', iso(-DAY)), comment('c2', iso(-9.5 * DAY))],
    jobs: new Map([['job-1', { title: 'Senior Backend Engineer' }]]),
  };

  it('is one feed of every kind, newest first', () => {
    const timeline = buildTimeline(sources);
    expect(timeline.map((entry) => entry.kind)).toEqual([
      'comment', // c1, a day ago
      'scorecard',
      'interview',
      'stage', // screening → interview, 8 days ago
      'stage', // applied → screening, 9 days ago
      'comment', // c2
      'stage', // applied, 10 days ago
      'file',
      'created',
    ]);
    const stages = timeline.flatMap((entry) => (entry.kind === 'stage' ? [entry] : []));
    expect(stages[0]).toMatchObject({
      from: 'screening',
      to: 'interview',
      jobTitle: 'Senior Backend Engineer',
    });
    expect(timeline.at(-1)).toMatchObject({ kind: 'created', notes: 'Met at the fair.' });
  });

  it('puts messages where they belong once a messages collection supplies them', () => {
    const timeline = buildTimeline({
      ...sources,
      messages: [{ id: 'm1', at: iso(-12 * 60_000), direction: 'outbound', subject: 'Next steps' }],
    });
    expect(timeline[0]).toMatchObject({ kind: 'message', message: { subject: 'Next steps' } });
  });

  it('keeps entries of the same moment in a stable order', () => {
    const same = iso(-DAY);
    const shuffled = buildTimeline({ ...sources, comments: [comment('b', same), comment('a', same)] });
    const ordered = buildTimeline({ ...sources, comments: [comment('a', same), comment('b', same)] });
    expect(shuffled.map((entry) => entry.key)).toEqual(ordered.map((entry) => entry.key));
  });
});
