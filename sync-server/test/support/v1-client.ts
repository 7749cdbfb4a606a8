import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Session } from './test-server';

/** Who calls the integration API: a signed-in session, an API key's text, or nobody. */
export type V1Caller = Session | string | null;

/** A call of the integration API through `app.inject`. */
export async function v1(
  app: FastifyInstance,
  caller: V1Caller,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const authorization =
    caller === null
      ? {}
      : { authorization: `Bearer ${typeof caller === 'string' ? caller : caller.accessToken}` };
  return app.inject({
    method,
    url: url.startsWith('/api/') ? url : `/api/v1${url}`,
    headers: { ...authorization, ...headers },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** The error code of an answer (or `ok`). */
export function codeOf(response: LightMyRequestResponse): string {
  if (response.statusCode < 400) return 'ok';
  return response.json<{ error: { code: string } }>().error.code;
}

/** The body of a list answer. */
export interface V1Page {
  data: (Record<string, unknown> & { id: string })[];
  nextCursor: string | null;
}

/** Every item of a list, following `nextCursor` (and the pages it took). */
export async function listAll(
  app: FastifyInstance,
  caller: V1Caller,
  url: string,
): Promise<{ ids: string[]; items: V1Page['data']; pages: number }> {
  const items: V1Page['data'] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = url.includes('?') ? '&' : '?';
    const response = await v1(
      app,
      caller,
      'GET',
      cursor ? `${url}${separator}cursor=${encodeURIComponent(cursor)}` : url,
    );
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    const page = response.json<V1Page>();
    items.push(...page.data);
    cursor = page.nextCursor;
    pages += 1;
    if (pages > 1_000) throw new Error('the list never ends');
  } while (cursor);
  return { ids: items.map((item) => item.id), items, pages };
}
