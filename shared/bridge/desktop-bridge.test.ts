import { describe, expect, it } from 'vitest';
import { deepLinkRoute, parseDeepLink } from './desktop-bridge';

describe('deep links are untrusted input', () => {
  it.each([
    ['shortlist://job/job-1', { kind: 'job', id: 'job-1' }],
    ['shortlist://candidate/c_42/', { kind: 'candidate', id: 'c_42' }],
    ['  shortlist://interview/int-9  ', { kind: 'interview', id: 'int-9' }],
  ])('%s opens %j', (raw, expected) => {
    expect(parseDeepLink(raw)).toEqual(expected);
  });

  it.each([
    'shortlist://job/../../etc/passwd',
    'shortlist://job/a%2Fb',
    'shortlist://admin/1',
    'shortlist://job/',
    'https://job/1',
    'shortlist://job/1?x=<script>',
    `shortlist://job/${'a'.repeat(65)}`,
    'javascript:alert(1)',
  ])('%s is refused', (raw) => {
    expect(parseDeepLink(raw)).toBeNull();
  });

  it('routes to the matching screen', () => {
    expect(deepLinkRoute({ kind: 'candidate', id: 'c-1' })).toBe('/candidates/c-1');
  });
});
