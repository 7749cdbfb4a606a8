import { describe, expect, it } from 'vitest';
import { canSync, INITIAL_SESSION, sessionReducer, type SessionState } from './session-machine';
import type { SessionUser } from './session-types';

const user: SessionUser = { id: 'u1', email: 'r@example.com', name: 'Rae', role: 'recruiter' };
const server = 'http://127.0.0.1:4000';

function restored(refreshToken: string | null): SessionState {
  return sessionReducer(INITIAL_SESSION, {
    type: 'restored',
    stored: { serverUrl: server, user, refreshToken },
    defaultServerUrl: 'http://default',
  });
}

describe('sessionReducer', () => {
  it('opens signed out with the default server when nothing is stored', () => {
    const state = sessionReducer(INITIAL_SESSION, { type: 'restored', stored: null, defaultServerUrl: server });
    expect(state).toMatchObject({ status: 'signed_out', serverUrl: server, user: null });
  });

  it('reopens on the last user with no access token (works offline)', () => {
    const state = restored('refresh');
    expect(state).toMatchObject({ status: 'active', user, accessToken: null });
    expect(canSync(state)).toBe(true);
  });

  it('reopens asking for sign-in when the refresh token was refused before', () => {
    const state = restored(null);
    expect(state.status).toBe('needs_sign_in');
    expect(state.user).toEqual(user);
    expect(canSync(state)).toBe(false);
  });

  it('keeps the user and their data when the refresh is refused, then resumes on sign-in', () => {
    const refused = sessionReducer({ ...restored('refresh'), accessToken: 'a1' }, { type: 'refresh_refused' });
    expect(refused).toMatchObject({ status: 'needs_sign_in', user, accessToken: null });
    expect(sessionReducer(refused, { type: 'token_refreshed', accessToken: 'x' }).accessToken).toBeNull();
    const back = sessionReducer(refused, { type: 'signed_in', serverUrl: server, user, accessToken: 'a2' });
    expect(back).toMatchObject({ status: 'active', accessToken: 'a2' });
  });

  it('stores refreshed and expired access tokens', () => {
    const refreshed = sessionReducer(restored('r'), { type: 'token_refreshed', accessToken: 'a3' });
    expect(refreshed.accessToken).toBe('a3');
    expect(sessionReducer(refreshed, { type: 'access_expired' }).accessToken).toBeNull();
  });

  it('signs out keeping the server address and a notice', () => {
    const state = sessionReducer(restored('r'), { type: 'signed_out', notice: 'Wiped' });
    expect(state).toMatchObject({ status: 'signed_out', serverUrl: server, user: null, notice: 'Wiped' });
  });

  it('takes the server’s current account details for the same person only', () => {
    const active = sessionReducer(INITIAL_SESSION, { type: 'signed_in', serverUrl: server, user, accessToken: 'a1' });
    const renamed = { ...user, organisationId: 'o1', organisationName: 'Acme Staffing' };
    expect(sessionReducer(active, { type: 'account_read', user: renamed }).user).toEqual(renamed);
    const someoneElse = { ...renamed, id: 'u2' };
    expect(sessionReducer(active, { type: 'account_read', user: someoneElse }).user).toEqual(user);
  });
});
