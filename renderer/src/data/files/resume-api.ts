import { ApiError, apiUrl, NetworkError } from '../session/auth-api';
import { accessToken, forgetAccessToken, refreshAccessToken, useSessionStore } from '../session/session-store';
import type { ResumeRef } from '#shared/domain/candidate/candidate-schema';
import { API_PATHS } from '#shared/sync/protocol';

const resumePath = API_PATHS.resume;

async function send(url: string, init: RequestInit, token: string): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  try {
    return await fetch(url, { ...init, headers });
  } catch {
    throw new NetworkError();
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  return new ApiError(response.status, body?.error?.code ?? 'error', body?.error?.message ?? response.statusText);
}

/**
 * A binary call to the sync server with the session's access token; on 401 it refreshes once and
 * retries, like `authorizedJson` (a refused refresh asks the person to sign in).
 */
async function authorizedFetch(path: string, init: RequestInit): Promise<Response> {
  const url = apiUrl(useSessionStore.getState().serverUrl, path);
  let response = await send(url, init, await accessToken());
  if (response.status === 401) {
    forgetAccessToken();
    response = await send(url, init, await refreshAccessToken());
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** Downloads a candidate's résumé. */
export async function downloadResume(candidateId: string): Promise<Blob> {
  const response = await authorizedFetch(resumePath(candidateId), { method: 'GET' });
  return response.blob();
}

/** Uploads a résumé (the server checks its type by content and its size); returns the new reference. */
export async function uploadResume(candidateId: string, fileName: string, file: Blob): Promise<ResumeRef> {
  const query = `?fileName=${encodeURIComponent(fileName)}`;
  const response = await authorizedFetch(`${resumePath(candidateId)}${query}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
  return (await response.json()) as ResumeRef;
}
