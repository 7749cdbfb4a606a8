import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';
import { candidateAtStage, uniqueSuffix } from './support/api';
import { setOffline } from './support/network';
import { DEMO_PASSWORD, signIn } from './support/session';

/**
 * The admin console's integration screens (issue 17, SPEC §11): API keys, shown once and revoked;
 * webhooks, their secret shown once, their deliveries in the log. Everything is done in the app; the
 * key and the webhook are then checked from outside, as the other system would see them.
 */

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A webhook receiver on loopback that answers 200 and keeps what it was sent. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/shortlist`, received, server };
}

test('an admin makes an API key, sees it once, it works on the API, and once revoked it is refused', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = `Nightly export ${uniqueSuffix()}`;
  await signIn(page, 'admin@example.com');
  await page.goto('./admin/api-keys');
  await page.getByRole('button', { name: 'New API key' }).click();
  const form = page.getByRole('dialog', { name: 'New API key' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Acts for').click();
  await page.getByRole('option', { name: 'Jordan Ellis (recruiter)' }).click();
  // A key never has more than the person it acts for: the server's refusal is shown in the form.
  await form.getByLabel('Role').click();
  await page.getByRole('option', { name: 'admin' }).click();
  await form.getByRole('button', { name: 'Create key' }).click();
  await expect(form.getByRole('alert')).toContainText('at most their role');
  await form.getByLabel('Role').click();
  await page.getByRole('option', { name: 'recruiter' }).click();
  await form.getByRole('button', { name: 'Create key' }).click();

  const shown = page.getByRole('dialog', { name: `API key “${name}”` });
  await expect(shown).toContainText('you will not see it again');
  const key = await shown.getByRole('textbox', { name: 'API key' }).inputValue();
  expect(key.length).toBeGreaterThan(20);
  await shown.getByRole('button', { name: 'Copy API key' }).click();
  await expect(shown.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await page.screenshot({ path: test.info().outputPath('api-key-shown-once.png') });
  // A stray click beside it does not lose the key.
  await page.mouse.click(5, 700);
  await expect(shown).toBeVisible();
  await shown.getByRole('button', { name: 'I have copied it' }).click();
  await expect(shown).toHaveCount(0);
  // The list never shows it again.
  await expect(page.getByText(key)).toHaveCount(0);

  const jobs = await request.get('/api/v1/jobs', { headers: { authorization: `Bearer ${key}` } });
  expect(jobs.status()).toBe(200);

  const row = page.getByRole('table', { name: 'API keys' }).getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');
  // The call above is its last use (recorded in the background, so the list may need a refresh).
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(row).not.toContainText('Never', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(row).toContainText('recruiter');
  await expect(row).toContainText('Jordan Ellis');
  await page.screenshot({ path: test.info().outputPath('api-keys-list.png'), fullPage: true });

  await row.getByRole('button', { name: 'Revoke' }).click();
  const confirm = page.getByRole('dialog', { name: `Revoke “${name}”` });
  await expect(confirm).toContainText('refused from its next request');
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByText(`“${name}” is revoked`)).toBeVisible();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);

  const refused = await request.get('/api/v1/jobs', { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
});

test('an admin subscribes a webhook; a stage move through the API is delivered, signed, and in its log', async ({
  page,
  request,
}) => {
  const receiver = await startReceiver();
  try {
    await signIn(page, 'admin@example.com');
    await page.goto('./admin/webhooks');
    await page.getByRole('button', { name: 'New webhook' }).click();
    const form = page.getByRole('dialog', { name: 'New webhook' });
    await form.getByLabel('URL').fill(receiver.url);
    // Only stage moves: the other events are unticked.
    for (const label of [
      'An application is created',
      'A candidate is hired',
      'An interview is scheduled',
      'A scorecard is submitted',
      'A candidate is erased',
    ]) {
      await form.getByLabel(new RegExp(`^${label}`)).uncheck();
    }
    await page.screenshot({ path: test.info().outputPath('webhook-form.png') });
    await form.getByRole('button', { name: 'Subscribe' }).click();
    const shown = page.getByRole('dialog', { name: `Webhook to ${receiver.url}` });
    await expect(shown).toContainText('you will not see it again');
    const secret = await shown.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    const row = page.getByRole('table', { name: 'Webhooks' }).getByRole('row').filter({ hasText: receiver.url });
    await expect(row).toContainText('application.stage_changed');
    await expect(row).not.toContainText('application.created');
    await expect(row).toContainText('Active');

    // Another system moves a stage through the API.
    const { application } = await candidateAtStage(request, {
      firstName: 'Hook',
      lastName: 'Delivered',
      jobTitle: 'Webhooks',
    });
    const login = await request.post('/api/auth/login', {
      data: { email: 'recruiter1@example.com', password: DEMO_PASSWORD },
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const moved = await request.patch(`/api/v1/applications/${application.id}/stage`, {
      headers: { authorization: `Bearer ${accessToken}` },
      data: { stage: 'screening' },
    });
    expect(moved.status()).toBe(200);

    const isOurs = (delivery: Received) => delivery.body.includes(application.id);
    await expect.poll(() => receiver.received.filter(isOurs).length, { timeout: 30_000 }).toBe(1);
    const [delivery] = receiver.received.filter(isOurs);
    if (!delivery) throw new Error('no delivery');
    expect(delivery.headers['shortlist-event']).toBe('application.stage_changed');
    const body = JSON.parse(delivery.body) as { type: string; data: { from: string; to: string } };
    expect(body).toMatchObject({ type: 'application.stage_changed', data: { from: 'applied', to: 'screening' } });
    // Signed with the secret the console showed.
    const [t, v1] = String(delivery.headers['shortlist-signature']).split(',');
    const seconds = t?.replace('t=', '') ?? '';
    const expected = createHmac('sha256', secret).update(`${seconds}.${delivery.body}`).digest('hex');
    expect(v1).toBe(`v1=${expected}`);

    await row.getByRole('button', { name: 'Deliveries' }).click();
    const log = page.getByRole('region', { name: `Deliveries to ${receiver.url}` });
    const entry = log.getByRole('row').filter({ hasText: String(delivery.headers['shortlist-delivery']) });
    await expect(entry).toContainText('application.stage_changed');
    await expect(entry).toContainText('delivered');
    await expect(entry).toContainText('HTTP 200');
    await page.screenshot({ path: test.info().outputPath('webhook-deliveries.png'), fullPage: true });

    await row.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete the webhook to ${receiver.url}` });
    await expect(confirm).toContainText('Nothing more is sent to this URL');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText(`Nothing more is sent to ${receiver.url}.`)).toBeVisible();
    await expect(row).toHaveCount(0);
    const listing = await request.get('/api/admin/webhooks', {
      headers: { authorization: `Bearer ${await adminToken(request)}` },
    });
    const remaining = (await listing.json()) as { url: string }[];
    expect(remaining.map((webhook) => webhook.url)).not.toContain(receiver.url);
  } finally {
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  }
});

test('offline, the integration screens say they need a connection', async ({ page, context }) => {
  await signIn(page, 'admin@example.com');
  await page.goto('./admin/users');
  await expect(page.getByRole('table', { name: 'Accounts' })).toBeVisible();
  await setOffline(context, true);
  await page.getByRole('tab', { name: 'API keys' }).click();
  await expect(page.getByText('The server cannot be reached: this needs a connection.')).toBeVisible();
  await page.getByRole('tab', { name: 'Webhooks' }).click();
  await expect(page.getByText('The server cannot be reached: this needs a connection.')).toBeVisible();
  await setOffline(context, false);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('table', { name: 'Webhooks' })).toBeVisible();
  await expect(page.getByText('The server cannot be reached: this needs a connection.')).toHaveCount(0);
});

test('people who are not admins see no integration screens, and the server refuses them', async ({
  page,
  request,
}) => {
  await signIn(page, 'recruiter2@example.com');
  await page.goto('./admin/api-keys');
  await expect(page.getByText('This page is for admins.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'API keys' })).toHaveCount(0);
  const login = await request.post('/api/auth/login', {
    data: { email: 'recruiter2@example.com', password: DEMO_PASSWORD },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  for (const path of ['/api/admin/api-keys', '/api/admin/webhooks']) {
    const refused = await request.get(path, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(refused.status(), path).toBe(403);
  }
});

async function adminToken(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/auth/login', {
    data: { email: 'admin@example.com', password: DEMO_PASSWORD },
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}
