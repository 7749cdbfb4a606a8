import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import {
  apiSignIn,
  openApplication,
  pullAll,
  push,
  scheduleInterview,
  serverInterview,
  userIds,
} from './support/interview-api';
import { expectSynced, signIn } from './support/session';
import { openContext, setOffline } from './support/network';

const DAY = 24 * 60 * 60 * 1000;

/** A minimal PDF: the server recognises the type by its content. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

function interviewLink(page: Page, id: string) {
  return page.locator(`a[href$="/interviews/${id}"]`);
}

test.describe('interviewers’ workflow', () => {
  test('an interviewer lands on My interviews and sees only their own interviews', async ({
    page,
    request,
  }) => {
    const mine = await scheduleInterview(request, {
      interviewerEmails: ['interviewer1@example.com'],
      scheduledAt: Date.now() + 2 * DAY,
    });
    const theirs = await scheduleInterview(request, {
      interviewerEmails: ['interviewer2@example.com'],
      scheduledAt: Date.now() + 2 * DAY,
    });
    await signIn(page, 'interviewer1@example.com');
    await expect(page.getByRole('heading', { level: 1, name: 'My interviews' })).toBeVisible();
    const upcoming = page.getByRole('region', { name: 'Upcoming' });
    await expect(upcoming.locator(`a[href$="/interviews/${mine.id}"]`)).toBeVisible();
    await expect(interviewLink(page, theirs.id)).toHaveCount(0);
    await expect(upcoming.getByRole('link', { name: 'Join meeting' }).first()).toHaveAttribute(
      'href',
      /^https:\/\//,
    );
    await page.screenshot({ path: '/tmp/interviews-my-interviews.png', fullPage: true });
  });

  test('a scorecard draft survives a reload; others’ scorecards show only once mine is submitted', async ({
    page,
    request,
  }) => {
    const interview = await scheduleInterview(request, {
      interviewerEmails: ['interviewer1@example.com', 'interviewer2@example.com'],
      scheduledAt: Date.now() - DAY,
      applicationIndex: 1,
    });
    // interviewer2 submits first, through the API.
    const second = await apiSignIn(request, 'interviewer2@example.com');
    const stored = (await pullAll<typeof interview>(request, second.token, 'interviews')).find(
      (i) => i.id === interview.id,
    );
    if (!stored) throw new Error('interviewer2 does not see the interview');
    await push(request, second.token, 'interviews', stored, {
      ...stored,
      scorecards: [
        {
          interviewerId: second.userId,
          rating: 2,
          recommendation: 'no',
          notes: 'Hidden opinion of Hannah',
          submittedAt: new Date().toISOString(),
        },
      ],
    });

    await signIn(page, 'interviewer1@example.com');
    await page
      .getByRole('region', { name: 'Waiting for my scorecard' })
      .locator(`a[href$="/interviews/${interview.id}"]`)
      .click();
    const form = page.getByRole('form', { name: 'My scorecard' });
    await expect(page.getByText(/stay hidden until you submit yours/)).toBeVisible();
    await expect(page.getByText('Hidden opinion of Hannah')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Job description' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Stage history' })).toBeVisible();

    await form.getByRole('radiogroup', { name: 'Rating' }).getByLabel('4').check();
    await form.getByRole('radiogroup', { name: 'Recommendation' }).getByLabel('Yes', { exact: true }).check();
    await form.getByLabel('Notes').fill('Clear thinking about caching; typed before a crash.');
    await expect(form.getByRole('status')).toContainText('Draft saved');
    await page.screenshot({ path: '/tmp/interviews-interview-page.png', fullPage: true });

    await page.reload();
    await expect(form.getByLabel('Notes')).toHaveValue('Clear thinking about caching; typed before a crash.');
    await expect(form.getByRole('radiogroup', { name: 'Rating' }).getByLabel('4')).toBeChecked();

    await form.getByRole('button', { name: 'Submit scorecard' }).click();
    await expect(form.getByText('Scorecard submitted')).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'Scorecard by Hannah Weber' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByText(/Hidden opinion of Hannah/)).toBeVisible();
    await expect
      .poll(async () => (await serverInterview(request, interview.id))?.scorecards.length, {
        timeout: 20_000,
      })
      .toBe(2);
  });

  test('my scorecard submitted on my other computer shows on the open page', async ({
    page,
    request,
  }) => {
    const interview = await scheduleInterview(request, {
      interviewerEmails: ['interviewer2@example.com'],
      scheduledAt: Date.now() - DAY,
      applicationIndex: 2,
    });
    await signIn(page, 'interviewer2@example.com');
    await page.goto(`./interviews/${interview.id}`);
    const form = page.getByRole('form', { name: 'My scorecard' });
    await expect(form.getByLabel('Notes')).toHaveValue('');

    // The same person submits it from another computer (the API stands in for its replication).
    const other = await apiSignIn(request, 'interviewer2@example.com');
    const stored = (await pullAll<typeof interview>(request, other.token, 'interviews')).find(
      (each) => each.id === interview.id,
    );
    if (!stored) throw new Error('interviewer2 does not see the interview');
    await push(request, other.token, 'interviews', stored, {
      ...stored,
      scorecards: [
        {
          interviewerId: other.userId,
          rating: 4,
          recommendation: 'yes',
          notes: 'Written on the laptop at home.',
          submittedAt: new Date().toISOString(),
        },
      ],
    });
    await expect(form.getByLabel('Notes')).toHaveValue('Written on the laptop at home.', { timeout: 20_000 });
    await expect(form.getByRole('radiogroup', { name: 'Rating' }).getByLabel('4')).toBeChecked();
  });

  test('a recruiter schedules an interview that the interviewer then sees, with the scorecard summary', async ({
    browser,
    page,
    request,
  }) => {
    const { token } = await apiSignIn(request, 'recruiter2@example.com');
    const application = await openApplication(request, token, 2);
    const meetingUrl = `https://meet.example.com/e2e-${Date.now().toString(36)}`;
    await signIn(page, 'recruiter1@example.com');
    await page.goto(`./applications/${application.id}`);
    await expect(page.getByRole('region', { name: 'Scorecard summary' })).toBeVisible();
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule interview' });
    await dialog.getByLabel('Interviewers').fill('Marcus');
    await page.getByRole('option', { name: 'Marcus Thompson' }).click();
    await dialog.getByLabel('Place or meeting link').fill(meetingUrl);
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(dialog).toHaveCount(0);

    // The candidate's page lists the interview, and it opens the interview's own page.
    await page.getByRole('link', { name: 'Candidate profile' }).click();
    await page
      .getByRole('list', { name: 'Interviews' })
      .getByRole('link')
      .filter({ hasText: meetingUrl })
      .click();
    await expect(page).toHaveURL(/\/interviews\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator(`a[href="${meetingUrl}"]`).first()).toBeVisible();

    const ids = await userIds(request, token);
    await expect
      .poll(
        async () => {
          const interviews = await pullAll<{ id: string; meetingUrl?: string; interviewerIds: string[] }>(
            request,
            token,
            'interviews',
          );
          return interviews.find((i) => i.meetingUrl === meetingUrl)?.interviewerIds;
        },
        { timeout: 20_000 },
      )
      .toEqual([ids.get('interviewer3@example.com')]);

    const interviewerContext = await browser.newContext();
    const interviewer = await interviewerContext.newPage();
    await signIn(interviewer, 'interviewer3@example.com');
    await expect(
      interviewer.getByRole('region', { name: 'Upcoming' }).locator(`a[href="${meetingUrl}"]`),
    ).toBeVisible();
    await interviewerContext.close();
  });

  test('a résumé uploaded by a recruiter opens offline for the assigned interviewer', async ({
    browser,
    page,
    request,
  }) => {
    const interview = await scheduleInterview(request, {
      interviewerEmails: ['interviewer2@example.com'],
      scheduledAt: Date.now() + DAY,
      applicationIndex: 3,
    });
    await signIn(page, 'recruiter1@example.com');
    await page.goto(`./candidates/${interview.candidateId}`);
    const resume = page.getByRole('region', { name: 'Résumé' });
    await resume
      .getByLabel('Résumé file')
      .setInputFiles({ name: 'not-a-resume.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(resume.getByText(/must be a PDF or a Word/)).toBeVisible();
    await resume
      .getByLabel('Résumé file')
      .setInputFiles({ name: 'e2e-resume.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(resume.getByText(/e2e-resume\.pdf \(available offline\)/)).toBeVisible({ timeout: 20_000 });

    const interviewerContext = await openContext(browser);
    const interviewer = await interviewerContext.newPage();
    await signIn(interviewer, 'interviewer2@example.com');
    await interviewer.goto(`./interviews/${interview.id}`);
    const cached = interviewer.getByRole('region', { name: 'Résumé' });
    await expect(cached.getByText(/e2e-resume\.pdf \(available offline\)/)).toBeVisible({ timeout: 20_000 });

    await setOffline(interviewerContext, true);
    await interviewer.getByRole('link', { name: 'My interviews' }).click();
    await interviewLink(interviewer, interview.id).first().click();
    await expect(cached.getByText(/e2e-resume\.pdf \(available offline\)/)).toBeVisible();
    await expect(cached.getByRole('link', { name: 'Download résumé' })).toHaveAttribute('href', /^blob:/);
    await interviewerContext.close();
  });

  test('a recruiter reschedules and cancels an interview from the application', async ({ page, request }) => {
    const interview = await scheduleInterview(request, {
      interviewerEmails: ['interviewer1@example.com'],
      scheduledAt: Date.now() + 3 * DAY,
      applicationIndex: 5,
    });
    await signIn(page, 'recruiter1@example.com');
    await page.goto(`./applications/${interview.applicationId}`);
    const item = page.getByRole('listitem').filter({ has: interviewLink(page, interview.id) });
    await item.getByRole('button', { name: 'Reschedule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule interview' });
    await dialog.getByLabel('Duration (minutes)').fill('45');
    await dialog.getByLabel('Place or meeting link').fill('Room 7');
    await dialog.getByRole('button', { name: 'Save new time' }).click();
    await expect(dialog).toHaveCount(0);
    await expect
      .poll(
        async () => {
          const stored = await serverInterview(request, interview.id);
          return [stored?.durationMinutes, stored?.['location'], stored?.meetingUrl];
        },
        { timeout: 20_000 },
      )
      .toEqual([45, 'Room 7', undefined]);

    await item.getByRole('button', { name: 'Cancel interview' }).click();
    await expect
      .poll(async () => (await serverInterview(request, interview.id))?.status, { timeout: 20_000 })
      .toBe('cancelled');
  });

  test('a résumé not yet on this device shows once the network is back, without reopening the page', async ({
    context,
    page,
    request,
  }) => {
    const { token } = await apiSignIn(request, 'recruiter2@example.com');
    const application = await openApplication(request, token, 8);
    const uploaded = await request.put(`/api/files/candidates/${application.candidateId}/resume`, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
      data: PDF,
    });
    expect(uploaded.status()).toBe(200);
    await signIn(page, 'recruiter1@example.com');
    await expectSynced(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await setOffline(context, true);
    await page.goto(`./candidates/${application.candidateId}`);
    const resume = page.getByRole('region', { name: 'Résumé' });
    await expect(resume.getByText(/not on this device yet/)).toBeVisible();
    await setOffline(context, false);
    await expect(resume.getByText(/\(available offline\)/)).toBeVisible({ timeout: 20_000 });
    await expect(resume.getByText(/not on this device yet/)).toHaveCount(0);
  });

  test('a résumé uploaded offline is queued, shown as waiting, and sent on reconnect', async ({
    context,
    page,
    request,
  }) => {
    const { token } = await apiSignIn(request, 'recruiter2@example.com');
    const application = await openApplication(request, token, 6);
    await signIn(page, 'recruiter1@example.com');
    await page.goto(`./candidates/${application.candidateId}`);
    const resume = page.getByRole('region', { name: 'Résumé' });
    await setOffline(context, true);
    await resume
      .getByLabel('Résumé file')
      .setInputFiles({ name: 'offline-resume.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(resume.getByText('Upload waiting to be sent: offline-resume.pdf')).toBeVisible();
    await setOffline(context, false);
    await expect(resume.getByText(/Upload waiting to be sent/)).toHaveCount(0, { timeout: 20_000 });
    await expect(resume.getByText(/offline-resume\.pdf \(available offline\)/)).toBeVisible();
    const download = await request.get(`/api/files/candidates/${application.candidateId}/resume`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
