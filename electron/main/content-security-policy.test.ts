import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

/** The policy as a map from directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('the app:// content security policy', () => {
  const policy = directives(contentSecurityPolicy(['http://127.0.0.1:4000']));

  it('lets the résumé preview frame the blob: document the app makes, and nothing else', () => {
    expect(policy.get('frame-src')).toEqual(['blob:']);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('still refuses plugins, inline scripts, other origins and being framed', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:4000']);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
