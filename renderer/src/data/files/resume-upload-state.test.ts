import { describe, expect, it } from 'vitest';
import { afterAttempt, isRetryable, MAX_RESUME_BYTES, resumeFileProblem } from './resume-upload-state';

describe('resumeFileProblem', () => {
  it.each([
    [{ name: 'cv.pdf', size: 1_000, type: 'application/pdf' }, null],
    [{ name: 'CV.DOCX', size: 1_000, type: '' }, null],
    [{ name: 'cv.txt', size: 1_000, type: 'text/plain' }, /PDF or a Word/],
    [{ name: 'cv.pdf', size: 0, type: 'application/pdf' }, /empty/],
    [{ name: 'cv.pdf', size: MAX_RESUME_BYTES + 1, type: 'application/pdf' }, /10 MB/],
  ])('%o → %s', (file, expected) => {
    const problem = resumeFileProblem(file);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('upload queue entries', () => {
  const entry = { fileName: 'cv.pdf', queuedAt: 1 };

  it('leave the queue once sent', () => {
    expect(afterAttempt(entry, { kind: 'sent' })).toBeNull();
  });

  it('stay, retryable, while the server cannot be reached', () => {
    const next = afterAttempt(entry, { kind: 'unreachable' });
    expect(next).toEqual(entry);
    expect(next && isRetryable(next)).toBe(true);
  });

  it('keep the reason and stop retrying when refused', () => {
    const next = afterAttempt(entry, { kind: 'refused', message: 'Not a PDF' });
    expect(next).toEqual({ ...entry, error: 'Not a PDF' });
    expect(next && isRetryable(next)).toBe(false);
  });
});
