import { describe, expect, it } from 'vitest';
import { decideWrite } from '../decide/decide-write';
import { applicationId } from '../application/application-schema';
import { actor, application, candidate, context, DAY, iso } from '../../test-support/fixtures';
import { mergeSurvivor, planCandidateMerge, rekeyed } from './candidate-merge';

const older = candidate({ id: 'cand-old', createdAt: iso(-30 * DAY) });
const newer = candidate({ id: 'cand-new', createdAt: iso(-3 * DAY), email: 'other@example.org' });
const merged = { ...newer, mergedInto: older.id, mergedAt: iso(-60_000) };
const code = (decision: { ok: boolean; code?: string }): string =>
  decision.ok ? 'ok' : (decision.code ?? '?');

describe('the survivor of a merge', () => {
  it('is the record created first, whichever way round it is asked', () => {
    expect(mergeSurvivor(older, newer).survivor.id).toBe(older.id);
    expect(mergeSurvivor(newer, older).survivor.id).toBe(older.id);
  });
  it('is the smaller id when both were created at once', () => {
    const twin = candidate({ id: 'cand-aaa', createdAt: newer.createdAt });
    expect(mergeSurvivor(newer, twin).survivor.id).toBe('cand-aaa');
  });
});

describe('candidate merge writes', () => {
  it('accepts marking the newer record merged into the older', () => {
    expect(
      code(
        decideWrite(actor('recruiter'), 'candidates', newer, merged, context('open', { mergeTarget: older })),
      ),
    ).toBe('ok');
  });
  it('refuses the other way round, a missing or merged target, and an interviewer', () => {
    const wrongWay = { ...older, mergedInto: newer.id, mergedAt: iso(-60_000) };
    expect(
      code(
        decideWrite(
          actor('recruiter'),
          'candidates',
          older,
          wrongWay,
          context('open', { mergeTarget: newer }),
        ),
      ),
    ).toBe('merge_invalid');
    expect(
      code(
        decideWrite(actor('recruiter'), 'candidates', newer, merged, context('open', { mergeTarget: null })),
      ),
    ).toBe('not_found');
    const chained = { ...older, mergedInto: 'cand-x' };
    expect(
      code(
        decideWrite(
          actor('recruiter'),
          'candidates',
          newer,
          merged,
          context('open', { mergeTarget: chained }),
        ),
      ),
    ).toBe('merge_invalid');
    expect(
      code(
        decideWrite(
          actor('interviewer'),
          'candidates',
          newer,
          merged,
          context('open', { mergeTarget: older }),
        ),
      ),
    ).toBe('forbidden_role');
  });
  it('refuses a merge that changes anything else, or has no time', () => {
    const sneaky = { ...merged, notes: 'overwritten' };
    expect(
      code(
        decideWrite(actor('recruiter'), 'candidates', newer, sneaky, context('open', { mergeTarget: older })),
      ),
    ).toBe('merge_invalid');
    const { mergedAt: _dropped, ...untimed } = merged;
    expect(
      code(
        decideWrite(
          actor('recruiter'),
          'candidates',
          newer,
          untimed,
          context('open', { mergeTarget: older }),
        ),
      ),
    ).toBe('merge_invalid');
  });
  it('freezes a merged record, and refuses one created merged', () => {
    expect(
      code(decideWrite(actor('admin'), 'candidates', merged, { ...merged, phone: '1' }, context())),
    ).toBe('candidate_merged');
    const { mergedInto: _gone, mergedAt: _too, ...unmerged } = merged;
    expect(code(decideWrite(actor('admin'), 'candidates', merged, unmerged, context()))).toBe(
      'candidate_merged',
    );
    expect(
      code(
        decideWrite(actor('recruiter'), 'candidates', null, merged, context('open', { mergeTarget: older })),
      ),
    ).toBe('merge_invalid');
  });
});

describe('application merge writes', () => {
  const source = application('interview', { id: applicationId('job-1', newer.id), candidateId: newer.id });
  const copy = rekeyed(source, older.id);
  const mergeContext = context('closed', {
    candidate: older,
    mergeSource: source,
    mergeSourceCandidate: merged,
  });

  it('carries the merged application on under the survivor’s id, even on a closed job', () => {
    expect(copy.id).toBe(applicationId('job-1', older.id));
    expect(code(decideWrite(actor('recruiter'), 'applications', null, copy, mergeContext))).toBe('ok');
  });
  it('refuses a carried-on copy that changes its story, or whose candidate is not merged', () => {
    expect(
      code(decideWrite(actor('recruiter'), 'applications', null, { ...copy, stage: 'offer' }, mergeContext)),
    ).toBe('merge_invalid');
    const notMerged = context('open', { candidate: older, mergeSource: source, mergeSourceCandidate: newer });
    expect(code(decideWrite(actor('recruiter'), 'applications', null, copy, notMerged))).toBe(
      'merge_invalid',
    );
    expect(
      code(
        decideWrite(actor('recruiter'), 'applications', null, copy, context('open', { candidate: older })),
      ),
    ).toBe('not_found');
    expect(code(decideWrite(actor('candidate'), 'applications', null, copy, mergeContext))).toBe(
      'forbidden_role',
    );
  });
  it('marks the merged application as carried on by the survivor’s, and then freezes it', () => {
    const marked = { ...source, mergedInto: copy.id };
    const withCandidate = context('open', { candidate: merged });
    expect(code(decideWrite(actor('recruiter'), 'applications', source, marked, withCandidate))).toBe('ok');
    expect(
      code(
        decideWrite(
          actor('recruiter'),
          'applications',
          source,
          { ...marked, mergedInto: applicationId('job-1', 'cand-z') },
          withCandidate,
        ),
      ),
    ).toBe('merge_invalid');
    expect(
      code(
        decideWrite(
          actor('recruiter'),
          'applications',
          source,
          marked,
          context('open', { candidate: newer }),
        ),
      ),
    ).toBe('merge_invalid');
    const moved = { ...marked, stage: 'offer' as const };
    expect(code(decideWrite(actor('recruiter'), 'applications', marked, moved, withCandidate))).toBe(
      'application_merged',
    );
  });
  it('refuses a new application for a merged candidate', () => {
    const fresh = application('applied', { id: applicationId('job-1', newer.id), candidateId: newer.id });
    expect(
      code(
        decideWrite(actor('recruiter'), 'applications', null, fresh, context('open', { candidate: merged })),
      ),
    ).toBe('candidate_merged');
  });
});

describe('planCandidateMerge', () => {
  it('refuses merging a record with itself or into a merged one', () => {
    expect(planCandidateMerge(older, older, [], iso()).ok).toBe(false);
    expect(planCandidateMerge({ ...older, mergedInto: 'cand-x' }, newer, [], iso()).ok).toBe(false);
  });
  it('lists nothing more once a merge is complete', () => {
    const source = application('applied', { id: applicationId('job-1', newer.id), candidateId: newer.id });
    const done = [{ ...source, mergedInto: applicationId('job-1', older.id) }, rekeyed(source, older.id)];
    const plan = planCandidateMerge(merged, older, done, iso());
    expect(plan.ok && plan.writes).toEqual([]);
  });
});
