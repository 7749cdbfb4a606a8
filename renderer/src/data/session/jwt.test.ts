import { describe, expect, it } from 'vitest';
import { isExpiring, jwtExpiry } from './jwt';

function tokenWith(payload: object): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'HS256' })}.${encode(payload)}.signature`;
}

describe('jwt expiry', () => {
  it('reads exp in milliseconds', () => {
    expect(jwtExpiry(tokenWith({ exp: 1_700_000_000 }))).toBe(1_700_000_000_000);
    expect(jwtExpiry('not-a-token')).toBeNull();
  });

  it('says a token is expiring within the margin', () => {
    const token = tokenWith({ exp: 1_000 });
    expect(isExpiring(token, 900_000)).toBe(false);
    expect(isExpiring(token, 980_000)).toBe(true);
    expect(isExpiring('opaque', 5)).toBe(false);
  });
});
