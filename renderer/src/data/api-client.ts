import { ApiError, apiUrl, fetchJson } from './session/auth-api';
import { accessToken, forgetAccessToken, refreshAccessToken, useSessionStore } from './session/session-store';

function withBearer(init: RequestInit, token: string): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return { ...init, headers };
}

/**
 * A call to the sync server with the access token. On 401 it refreshes silently once and retries;
 * when the refresh is refused the session asks for sign-in and the error propagates (replication
 * keeps every unsynced change and retries after sign-in).
 */
export async function authorizedJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const url = apiUrl(useSessionStore.getState().serverUrl, path);
  const token = await accessToken();
  try {
    return await fetchJson<T>(url, withBearer(init, token));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    forgetAccessToken();
    return fetchJson<T>(url, withBearer(init, await refreshAccessToken()));
  }
}
