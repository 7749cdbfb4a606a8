import type { Role } from '#shared/domain/common/roles';
import type { User } from '#shared/domain/user/user-schema';
import {
  ADMIN_PATHS,
  type ApiKeySummary,
  type AuditEntryView,
  type CreatedApiKey,
  type CreatedWebhook,
  type NewApiKey,
  type NewWebhook,
  type WebhookDelivery,
  type WebhookView,
  type AuditQuery,
  type ErasureReceiptView,
  type ErasureReportView,
  type NewAccount,
  type OutboxDetail,
  type OutboxListing,
  type OutboxSummary,
} from '#shared/sync/admin-protocol';
import { authorizedJson } from '../../data/api-client';
import { ApiError, apiUrl, NetworkError } from '../../data/session/auth-api';
import { accessToken, useSessionStore } from '../../data/session/session-store';

/** The admin endpoints of SPEC §5 as the console calls them (each answers or throws `ApiError`/`NetworkError`). */

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

export const fetchAccounts = (): Promise<User[]> => authorizedJson(ADMIN_PATHS.users);

export const createAccount = (account: NewAccount): Promise<User> =>
  authorizedJson(ADMIN_PATHS.users, json('POST', account));

export const changeAccount = (
  userId: string,
  patch: { name?: string; role?: Role; active?: boolean },
): Promise<User> => authorizedJson(ADMIN_PATHS.user(userId), json('PATCH', patch));

export const revokeSessions = (userId: string, wipe: boolean): Promise<{ revoked: number; wipe: boolean }> =>
  authorizedJson(ADMIN_PATHS.revokeSessions(userId), json('POST', { wipe }));

export const setPassword = (userId: string, password: string): Promise<void> =>
  authorizedJson(ADMIN_PATHS.password(userId), json('POST', { password }));

export const sendResetLink = (userId: string): Promise<{ status: 'sent'; email: string }> =>
  authorizedJson(ADMIN_PATHS.passwordReset(userId), json('POST', {}));

/** The query string of an audit filter (empty fields left out). */
export function auditQueryString(filter: AuditQuery): string {
  const params = new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const fetchAudit = (filter: AuditQuery): Promise<{ entries: AuditEntryView[] }> =>
  authorizedJson(`${ADMIN_PATHS.audit}${auditQueryString(filter)}`);

export const eraseCandidate = (candidateId: string): Promise<ErasureReportView> =>
  authorizedJson(ADMIN_PATHS.erase(candidateId), json('POST', {}));

export const fetchErasureReceipt = (candidateId: string): Promise<ErasureReceiptView> =>
  authorizedJson(ADMIN_PATHS.erasure(candidateId));

export const fetchOutbox = (status: OutboxSummary['status'] | ''): Promise<OutboxListing> =>
  authorizedJson(`${ADMIN_PATHS.notifications}?limit=200${status ? `&status=${status}` : ''}`);

export const fetchOutboxEntry = (entryId: string): Promise<OutboxDetail> =>
  authorizedJson(ADMIN_PATHS.notification(entryId));

export const requeueOutboxEntry = (entryId: string): Promise<OutboxSummary> =>
  authorizedJson(ADMIN_PATHS.requeue(entryId), json('POST', {}));

export const fetchApiKeys = (): Promise<ApiKeySummary[]> => authorizedJson(ADMIN_PATHS.apiKeys);

export const createApiKey = (key: NewApiKey): Promise<CreatedApiKey> =>
  authorizedJson(ADMIN_PATHS.apiKeys, json('POST', key));

export const revokeApiKey = (keyId: string): Promise<void> => authorizedJson(ADMIN_PATHS.apiKey(keyId), json('DELETE'));

export const fetchWebhooks = (): Promise<WebhookView[]> => authorizedJson(ADMIN_PATHS.webhooks);

export const createWebhook = (webhook: NewWebhook): Promise<CreatedWebhook> =>
  authorizedJson(ADMIN_PATHS.webhooks, json('POST', webhook));

export const deleteWebhook = (webhookId: string): Promise<void> =>
  authorizedJson(ADMIN_PATHS.webhook(webhookId), json('DELETE'));

export const fetchWebhookDeliveries = (webhookId: string): Promise<WebhookDelivery[]> =>
  authorizedJson(`${ADMIN_PATHS.webhookDeliveries(webhookId)}?limit=200`);

/**
 * Downloads a file the server makes (the audit CSV, the NDJSON export) with the access token, and
 * hands it to the browser as a download named by the server.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const token = await accessToken();
  let response: Response;
  try {
    response = await fetch(apiUrl(useSessionStore.getState().serverUrl, path), {
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    throw new NetworkError();
  }
  if (!response.ok) throw new ApiError(response.status, 'error', `The server answered ${response.status}.`);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What to tell an admin when a server-only list or action fails. */
export function describeFailure(error: unknown): string {
  if (error instanceof NetworkError) return 'The server cannot be reached: this needs a connection. Try again when online.';
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong.';
}
