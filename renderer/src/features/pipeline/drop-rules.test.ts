import { describe, expect, it } from 'vitest';
import { STAGES, type Stage } from '#shared/domain/application/application-schema';
import type { Actor } from '#shared/domain/common/roles';
import { shiftToNextColumn } from './column-keyboard';
import { decideDrop, dropTargets, isMovable } from './drop-rules';

const recruiter: Actor = { id: 'u-rec', role: 'recruiter' };
const manager: Actor = { id: 'u-hm', role: 'hiring_manager' };
const interviewer: Actor = { id: 'u-int', role: 'interviewer' };

describe('dropping a card on a column', () => {
  it.each<[Stage, Stage, Actor, string]>([
    ['applied', 'screening', recruiter, 'move'],
    ['screening', 'interview', recruiter, 'move'],
    ['interview', 'offer', recruiter, 'move'],
    ['offer', 'hired', manager, 'move'],
    ['applied', 'rejected', recruiter, 'move'],
    ['applied', 'applied', recruiter, 'none'],
    ['applied', 'offer', recruiter, 'invalid_transition'],
    ['interview', 'screening', recruiter, 'invalid_transition'],
    ['hired', 'rejected', manager, 'invalid_transition'],
    ['offer', 'hired', recruiter, 'forbidden_role'],
    ['applied', 'screening', interviewer, 'forbidden_role'],
  ])('%s → %s by %o: %s', (from, to, actor, expected) => {
    const decision = decideDrop(from, to, actor, 'open', 'accepted');
    expect(decision.kind === 'refused' ? decision.code : decision.kind).toBe(expected);
  });

  it('refuses a hire until the offer is accepted, and asks to confirm one', () => {
    for (const status of [undefined, 'draft', 'extended', 'declined'] as const) {
      expect(decideDrop('offer', 'hired', manager, 'open', status)).toMatchObject({
        kind: 'refused',
        code: 'offer_not_accepted',
      });
    }
    expect(decideDrop('offer', 'hired', manager, 'open', 'accepted')).toEqual({
      kind: 'move',
      needsReason: false,
      needsConfirmation: true,
    });
  });

  it('gives the shared rule’s reason for a refusal', () => {
    expect(decideDrop('applied', 'offer', recruiter, 'open')).toEqual({
      kind: 'refused',
      code: 'invalid_transition',
      message: 'An application cannot skip from applied to offer.',
    });
    expect(decideDrop('offer', 'hired', recruiter, 'open')).toMatchObject({
      message: 'Your role may not move an application to hired.',
    });
  });

  it('asks for a reason when rejecting, whatever the job’s status', () => {
    expect(decideDrop('interview', 'rejected', recruiter, 'on_hold')).toEqual({
      kind: 'move',
      needsReason: true,
    });
    expect(decideDrop('interview', 'offer', recruiter, 'on_hold')).toMatchObject({
      kind: 'refused',
      code: 'job_not_open',
    });
  });

  it('offers exactly the columns the shared rules allow', () => {
    expect([...dropTargets('offer', recruiter, 'open')]).toEqual(['rejected']);
    expect([...dropTargets('offer', manager, 'open')]).toEqual(['hired', 'rejected']);
    expect([...dropTargets('applied', recruiter, 'on_hold')]).toEqual(['rejected']);
    for (const to of STAGES) {
      const decision = decideDrop('screening', to, recruiter, 'open');
      expect(decision.kind === 'move').toBe(dropTargets('screening', recruiter, 'open').has(to));
    }
  });

  it('lets nobody pick up a hired or rejected card, nor an interviewer any card', () => {
    expect(isMovable('hired', manager, 'open')).toBe(false);
    expect(isMovable('rejected', recruiter, 'open')).toBe(false);
    expect(isMovable('applied', interviewer, 'open')).toBe(false);
    expect(isMovable('applied', recruiter, 'on_hold')).toBe(true);
  });
});

describe('keyboard moves between columns', () => {
  const columns = [0, 1, 2].map((index) => ({ left: index * 100, width: 90 }));

  it('goes to the centre of the next column either way', () => {
    expect(shiftToNextColumn(columns, 45, 'right')).toBe(100);
    expect(shiftToNextColumn(columns, 145, 'left')).toBe(-100);
    expect(shiftToNextColumn(columns, 60, 'right')).toBe(85);
  });

  it('stays put at either end', () => {
    expect(shiftToNextColumn(columns, 245, 'right')).toBeNull();
    expect(shiftToNextColumn(columns, 45, 'left')).toBeNull();
  });
});
