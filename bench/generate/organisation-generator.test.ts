import { describe, expect, it } from 'vitest';
import { STAGE_TRANSITIONS } from '#shared/domain/application/application-machine';
import { applicationId } from '#shared/domain/application/application-schema';
import { validateAgainst } from '#shared/domain/common/validate';
import { COLLECTION_SCHEMAS, COLLECTIONS } from '#shared/domain/collections';
import { generateOrganisation } from './organisation-generator';

const now = Date.parse('2026-06-01T09:00:00.000Z');

describe('the benchmark organisation generator', () => {
  const organisation = generateOrganisation({ scale: 0.01, seed: 7, now });

  it('scales SPEC §9’s sizes', () => {
    expect(organisation.jobs).toHaveLength(20);
    expect(organisation.candidates).toHaveLength(500);
    expect(organisation.applications).toHaveLength(1_000);
    expect(organisation.interviews).toHaveLength(300);
  });

  it('is repeatable for a seed and different for another', () => {
    expect(generateOrganisation({ scale: 0.01, seed: 7, now })).toEqual(organisation);
    expect(generateOrganisation({ scale: 0.01, seed: 8, now }).candidates[0]).not.toEqual(
      organisation.candidates[0],
    );
  });

  it('produces only documents the shared schemas accept', () => {
    for (const collection of COLLECTIONS) {
      for (const document of organisation[collection]) {
        const decision = validateAgainst(COLLECTION_SCHEMAS[collection], document);
        expect(decision, `${collection} ${document.id}`).toEqual({ ok: true });
      }
    }
  });

  it('walks the workflow with deterministic ids and unique emails', () => {
    for (const application of organisation.applications) {
      expect(application.id).toBe(applicationId(application.jobId, application.candidateId));
      for (const entry of application.stageHistory.slice(1)) {
        expect(entry.from && STAGE_TRANSITIONS[entry.from]).toContain(entry.to);
      }
    }
    const emails = organisation.candidates.map((candidate) => candidate.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
  });
});
