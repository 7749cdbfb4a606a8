import {
  API_PATHS,
  type Account,
  type ApiErrorBody,
  type CheckEmailResponse,
  type LoginRequest,
  type LoginResponse,
  type PasswordResetConfirmation,
  type PasswordResetRequest,
  type RefreshRequest,
  type TokenPair,
} from '#shared/sync/protocol';

/** A 4xx/5xx answer of the sync server, with its machine code (SPEC §5). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server could not be reached (offline, wrong address, server down). */
export class NetworkError extends Error {
  constructor(message = 'The server cannot be reached.') {
    super(message);
    this.name = 'NetworkError';
  }
}

export type { LoginResponse, TokenPair };

/** `serverUrl` + `path`, tolerating a trailing slash on the address. */
export function apiUrl(serverUrl: string, path: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${path}`;
}

/** `fetch` that turns network failures into `NetworkError` and error bodies into `ApiError`. */
export async function fetchJson<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new NetworkError();
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    return new ApiError(response.status, body.error?.code ?? 'error', body.error?.message ?? response.statusText);
  } catch {
    return new ApiError(response.status, 'error', response.statusText || `HTTP ${response.status}`);
  }
}

function postJson<T>(serverUrl: string, path: string, body: unknown): Promise<T> {
  return fetchJson<T>(apiUrl(serverUrl, path), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function login(serverUrl: string, email: string, password: string): Promise<LoginResponse> {
  return postJson(serverUrl, API_PATHS.login, { email, password } satisfies LoginRequest);
}

export function refreshTokens(serverUrl: string, refreshToken: string): Promise<TokenPair> {
  return postJson(serverUrl, API_PATHS.refresh, { refreshToken } satisfies RefreshRequest);
}

/** The signed-in account as the server has it now (its organisation's current name, say). */
export function fetchAccount(serverUrl: string, accessToken: string): Promise<Account> {
  return fetchJson(apiUrl(serverUrl, API_PATHS.me), { headers: { authorization: `Bearer ${accessToken}` } });
}

export async function logout(serverUrl: string, refreshToken: string): Promise<void> {
  await postJson<undefined>(serverUrl, API_PATHS.logout, { refreshToken } satisfies RefreshRequest);
}

/** Asks the server to mail a password-reset link; the answer is the same whether or not the account exists. */
export function requestPasswordReset(serverUrl: string, email: string): Promise<CheckEmailResponse> {
  return postJson(serverUrl, API_PATHS.passwordReset, { email } satisfies PasswordResetRequest);
}

/** Sets a new password with the token of a mailed reset link (every session of the account ends). */
export async function confirmPasswordReset(serverUrl: string, token: string, password: string): Promise<void> {
  await postJson<undefined>(serverUrl, API_PATHS.passwordResetConfirm, {
    token,
    password,
  } satisfies PasswordResetConfirmation);
}
