import type { APIRequestContext, Page } from '@playwright/test';
import type { Interview, Scorecard } from '#shared/domain/interview/interview-schema';
import { findKit, planKits } from '#shared/domain/job/interview-plan';
import { expect, test } from './support/test';
import { ServerApi } from './support/api';
import { openContext, setOffline } from './support/network';
import { expectSynced, signIn } from './support/session';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SCREENSHOTS = '/tmp/shortlist-issue-19';

/** Demo names (SPEC §8). */
const DANIEL = 'Daniel Kim'; // interviewer1
const MARCUS = 'Marcus Thompson'; // interviewer3

/**
 * A fresh interview following the technical kit of an open demo application's job, scheduled by
 * recruiter 2 through the API, with the given interviewers, starting `startsIn` from now.
 */
async function kitInterview(
  request: APIRequestContext,
  interviewerEmails: readonly string[],
  startsIn: number,
  applicationIndex: number,
): Promise<{ interview: Interview; kitName: string; attributeNames: string[]; jobTitle: string }> {
  const recruiter = await ServerApi.as(request, 'recruiter2@example.com');
  const [jobs, applications, users, interviews] = await Promise.all([
    recruiter.pullAll('jobs'),
    recruiter.pullAll('applications'),
    recruiter.pullAll('users'),
    recruiter.pullAll('interviews'),
  ]);
  // Applications without scorecards yet, so the debrief holds only this test's.
  const scored = new Set(
    interviews.filter((each) => each.scorecards.length > 0).map((each) => each.applicationId),
  );
  const candidates = applications.filter((application) => {
    const job = jobs.find((each) => each.id === application.jobId);
    return (
      job?.status === 'open' &&
      !scored.has(application.id) &&
      ['screening', 'interview', 'offer'].includes(application.stage) &&
      planKits(job.interviewPlan).some(({ kit }) => kit.focusAttributeIds.length >= 2)
    );
  });
  const application = candidates[applicationIndex % candidates.length];
  const job = jobs.find((each) => each.id === application?.jobId);
  const kit = planKits(job?.interviewPlan).find((entry) => entry.kit.focusAttributeIds.length >= 2)?.kit;
  if (!application || !job?.interviewPlan || !kit) throw new Error('No demo application on a planned job');
  const ids = interviewerEmails.map((email) => users.find((user) => user.email === email)?.id ?? email);
  const interview: Interview = {
    id: `interview-e2e-kit-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
    updatedAt: 0,
    applicationId: application.id,
    jobId: application.jobId,
    candidateId: application.candidateId,
    type: kit.type,
    kitId: kit.id,
    scheduledAt: new Date(Date.now() + startsIn).toISOString(),
    durationMinutes: 60,
    meetingUrl: 'https://meet.example.com/e2e-kit',
    interviewerIds: ids,
    status: 'scheduled',
    scorecards: [],
    createdBy: recruiter.userId,
    createdAt: new Date(Date.now() - DAY).toISOString(),
  };
  await recruiter.push('interviews', null, interview);
  const plan = job.interviewPlan;
  const attributeNames = kit.focusAttributeIds.map(
    (id) => plan.attributes.find((attribute) => attribute.id === id)?.name ?? id,
  );
  return { interview, kitName: kit.name, attributeNames, jobTitle: job.title };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

test.describe('structured interviews (issue 19)', () => {
  test('an interviewer runs a kit interview offline; it syncs; the hiring manager decides from the debrief', async ({
    browser,
    context,
    page,
    request,
  }) => {
    const { interview, kitName, attributeNames } = await kitInterview(
      request,
      ['interviewer1@example.com', 'interviewer3@example.com'],
      -3 * HOUR,
      0,
    );
    const [firstAttribute = '', secondAttribute = ''] = attributeNames;
    // Marcus submits first, rating the kit's first attribute.
    const marcus = await ServerApi.as(request, 'interviewer3@example.com');
    const seen = await marcus.find('interviews', interview.id);
    if (!seen) throw new Error('interviewer3 does not see the interview');
    const job = await marcus.find('jobs', interview.jobId);
    const kit = findKit(job?.interviewPlan, interview.kitId);
    const [firstId = '', secondId = ''] = kit?.focusAttributeIds ?? [];
    const marcusCard: Scorecard = {
      interviewerId: marcus.userId,
      rating: 2,
      recommendation: 'no',
      notes: 'Marcus’s withheld opinion',
      attributeRatings: [{ attributeId: firstId, rating: 2, note: 'Marcus saw gaps here' }],
      submittedAt: new Date(Date.now() - HOUR).toISOString(),
    };
    await marcus.push('interviews', seen, { ...seen, scorecards: [marcusCard] });

    await signIn(page, 'interviewer1@example.com');
    await expect(page.getByRole('heading', { level: 1, name: 'My interviews' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Scorecards due' })).toContainText('due');
    const item = page
      .getByRole('listitem')
      .filter({ has: page.locator(`a[href$="/interviews/${interview.id}"]`) });
    await expect(item.getByText('Scorecard due')).toBeVisible();
    await shot(page, 'my-interviews');
    await item.locator(`a[href$="/interviews/${interview.id}"]`).click();

    // The kit and the scorecard first; the withheld colleague is named, not quoted.
    const kitCard = page.getByRole('region', { name: 'Interview kit' });
    await expect(kitCard).toContainText(kitName);
    await expect(
      kitCard.getByRole('list', { name: 'Questions' }).getByRole('listitem').first(),
    ).toBeVisible();
    await expect(kitCard.getByLabel('Focus attributes of the kit')).toContainText(firstAttribute);
    await expect(page.getByRole('region', { name: 'Other scorecards' })).toContainText(
      `${MARCUS} has submitted a scorecard`,
    );
    await expect(page.getByText('Marcus’s withheld opinion')).toHaveCount(0);
    await expect(page.getByText('Marcus saw gaps here')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Résumé' })).toBeVisible();

    await setOffline(context, true);
    const form = page.getByRole('form', { name: 'My scorecard' });
    await form.getByRole('radiogroup', { name: firstAttribute }).getByLabel('4').check();
    await form.getByLabel(`Evidence for ${firstAttribute}`).fill('Started from the failure modes.');
    await form.getByRole('radiogroup', { name: secondAttribute }).getByLabel('5').check();
    await form.getByRole('radiogroup', { name: 'Overall rating' }).getByLabel('4').check();
    await form.getByRole('radiogroup', { name: 'Recommendation' }).getByLabel('Yes', { exact: true }).check();
    await form.getByLabel('Notes').fill('Daniel’s offline kit scorecard.');
    await expect(form.getByRole('status')).toContainText('Draft saved');
    await shot(page, 'interviewer-page-offline');
    await form.getByRole('button', { name: 'Submit scorecard' }).click();
    await expect(form.getByText('Scorecard submitted')).toBeVisible();
    // Offline, Marcus's scorecard is not on this laptop yet: the page says it is coming, not "none yet".
    const others = page.getByRole('region', { name: 'Other scorecards' });
    await expect(others).toContainText(`${MARCUS}’s scorecard was submitted`);
    await expect(others.getByText('No other scorecards yet.')).toHaveCount(0);
    expect((await marcus.find('interviews', interview.id))?.scorecards).toHaveLength(1);

    await setOffline(context, false);
    await expectSynced(page);
    await expect(others.getByRole('listitem', { name: `Scorecard by ${MARCUS}` })).toBeVisible({
      timeout: 20_000,
    });
    await expect(others).toContainText('Marcus saw gaps here');
    const recruiter = await ServerApi.as(request, 'recruiter2@example.com');
    await expect
      .poll(async () => (await recruiter.find('interviews', interview.id))?.scorecards.length, {
        timeout: 20_000,
      })
      .toBe(2);
    const stored = await recruiter.find('interviews', interview.id);
    expect(stored?.scorecards.find((card) => card.interviewerId !== marcus.userId)?.attributeRatings).toEqual(
      [
        { attributeId: firstId, rating: 4, note: 'Started from the failure modes.' },
        { attributeId: secondId, rating: 5 },
      ],
    );
    expect(stored).not.toHaveProperty('withheldScorecardAuthors');
    await shot(page, 'interviewer-page-synced');

    // The hiring manager, on another laptop, sees both side by side.
    const managerContext = await openContext(browser);
    const manager = await managerContext.newPage();
    await signIn(manager, 'hr.manager@example.com');
    await manager.goto(`applications/${interview.applicationId}`);
    const debrief = manager.getByRole('region', { name: 'Debrief' });
    const table = debrief.getByRole('table', { name: 'Scorecards side by side' });
    await expect(table.getByRole('columnheader').filter({ hasText: DANIEL })).toBeVisible({
      timeout: 20_000,
    });
    await expect(table.getByRole('columnheader').filter({ hasText: MARCUS })).toBeVisible();
    const firstRow = table
      .getByRole('row')
      .filter({ has: manager.getByRole('rowheader', { name: firstAttribute }) });
    await expect(firstRow).toContainText('4');
    await expect(firstRow).toContainText('2');
    await expect(firstRow).toContainText('3'); // the average of 4 and 2
    await expect(table.getByRole('row').filter({ hasText: 'Recommendation' })).toContainText('Yes');
    await expect(table.getByRole('row').filter({ hasText: 'Recommendation' })).toContainText('No');
    await debrief.scrollIntoViewIfNeeded();
    await shot(manager, 'application-debrief');
    await managerContext.close();
  });

  test('a recruiter schedules with a kit, is warned of a past time and a busy interviewer, and Escape asks first', async ({
    page,
    request,
  }) => {
    // Hannah already has an interview in three days at 10:00 local time.
    const busy = new Date(Date.now() + 3 * DAY);
    busy.setHours(10, 0, 0, 0);
    const { interview, kitName } = await kitInterview(
      request,
      ['interviewer2@example.com'],
      busy.getTime() - Date.now(),
      1,
    );
    await signIn(page, 'recruiter1@example.com');
    await page.goto(`applications/${interview.applicationId}`);
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule interview' });
    await dialog.getByLabel('Interview kit').click();
    await page.getByRole('option', { name: new RegExp(`: ${kitName}$`) }).click();
    await expect(dialog.getByLabel('Interview kit')).toContainText(kitName);
    await dialog.getByLabel('Interviewers').fill('Hannah');
    await page.getByRole('option', { name: 'Hannah Weber' }).click();

    const local = (at: Date) =>
      `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}T${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
    await dialog.getByLabel('Date and time').fill(local(new Date(Date.now() - 2 * DAY)));
    await expect(dialog.getByText('This time is in the past')).toBeVisible();
    const overlapping = new Date(busy.getTime() + 30 * 60_000);
    await dialog.getByLabel('Date and time').fill(local(overlapping));
    await expect(dialog.getByText('This time is in the past')).toHaveCount(0);
    await expect(dialog.getByText(/Hannah Weber has another interview then/)).toBeVisible();
    await expect(dialog.getByLabel('About this time')).toContainText(
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
    await shot(page, 'schedule-dialog-warnings');

    await page.keyboard.press('Escape');
    const discard = page.getByRole('dialog', { name: 'Discard this interview?' });
    await expect(discard).toBeVisible();
    await discard.getByRole('button', { name: 'Keep editing' }).click();
    await expect(dialog.getByLabel('Interview kit')).toContainText(kitName);
    await page.keyboard.press('Escape');
    await discard.getByRole('button', { name: 'Discard' }).click();
    await expect(dialog).toHaveCount(0);
  });

  test('an interviewer declines with a reason, and the recruiter sees it on the application', async ({
    browser,
    page,
    request,
  }) => {
    const { interview } = await kitInterview(request, ['interviewer2@example.com'], 4 * DAY, 2);
    await signIn(page, 'interviewer2@example.com');
    await page.goto(`interviews/${interview.id}`);
    await page.getByRole('button', { name: 'Decline interview' }).click();
    const dialog = page.getByRole('dialog', { name: 'Decline this interview' });
    await dialog.getByLabel('Reason').fill('On a customer visit in Hamburg that day.');
    await dialog.getByRole('button', { name: 'Decline', exact: true }).click();
    await expect(
      page.getByText('You declined this interview: On a customer visit in Hamburg that day.'),
    ).toBeVisible();
    await expectSynced(page);
    const recruiter = await ServerApi.as(request, 'recruiter1@example.com');
    await expect
      .poll(async () => (await recruiter.find('interviews', interview.id))?.declines?.[0]?.reason, {
        timeout: 20_000,
      })
      .toBe('On a customer visit in Hamburg that day.');

    const recruiterContext = await openContext(browser);
    const recruiterPage = await recruiterContext.newPage();
    await signIn(recruiterPage, 'recruiter1@example.com');
    await recruiterPage.goto(`applications/${interview.applicationId}`);
    await expect(
      recruiterPage.getByText(/Hannah Weber declined on .*: On a customer visit in Hamburg that day\./),
    ).toBeVisible();
    await shot(recruiterPage, 'application-decline');
    await recruiterContext.close();
  });

  test('the dashboard reports explain funnel against current stage and export CSV', async ({ page }) => {
    await signIn(page, 'hr.manager@example.com');
    const reports = page.getByRole('region', { name: 'Hiring reports' });
    const funnel = reports.getByRole('region', { name: 'Funnel (reached) and current stage' });
    await expect(funnel).toContainText('Reached counts every application that ever got to a stage');
    await expect(reports.getByRole('region', { name: 'Time in stage (days)' })).toBeVisible();
    await expect(reports.getByRole('region', { name: 'Source effectiveness' })).toBeVisible();
    const coverage = reports.getByRole('status', { name: 'Applications covered' });
    await expect(coverage).toContainText(/^[1-9]\d* applications covered/);
    const covered = await coverage.textContent();

    const download = page.waitForEvent('download');
    await funnel.getByRole('button', { name: 'Export Funnel (reached) and current stage as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('funnel-and-current-stage.csv');
    const csv = await (await file.createReadStream()).toArray();
    expect(Buffer.concat(csv).toString('utf8')).toContain('stage,reached,in stage now\r\napplied,');

    await reports.getByLabel('Job', { exact: true }).click();
    await page.getByRole('option', { name: 'Senior Backend Engineer' }).click();
    await expect(coverage).not.toHaveText(covered ?? '');
    await expect(coverage).toContainText(/^[1-9]\d* applications? covered/);
    await shot(page, 'dashboard-reports');
  });

  test('a recruiter edits a job’s interview plan', async ({ page, request }) => {
    const manager = await ServerApi.as(request, 'hr.manager@example.com');
    const job = await manager.createJob(`Plan editor check ${Date.now().toString(36)}`, 'open');
    await signIn(page, 'recruiter1@example.com');
    await page.goto(`jobs/${job.id}`);
    const card = page.getByRole('region', { name: 'Interview plan' });
    await expect(card).toContainText('No plan yet');
    await card.getByRole('button', { name: 'Add interview plan' }).click();
    const editor = page.getByRole('dialog', { name: /^Interview plan: / });
    await editor.getByRole('button', { name: 'Start from a template' }).click();
    await editor.getByRole('button', { name: 'Add attribute' }).click();
    await editor.getByLabel('Attribute', { exact: true }).last().fill('Customer empathy');
    await shot(page, 'plan-editor');
    await editor.getByRole('button', { name: 'Save plan' }).click();
    await expect(editor).toHaveCount(0);
    await expect(card.getByRole('list', { name: 'Stages' })).toContainText('Technical interview');
    await shot(page, 'job-plan');
    await expectSynced(page);
    await expect
      .poll(async () =>
        (await manager.find('jobs', job.id))?.interviewPlan?.attributes.map((each) => each.name),
      )
      .toContain('Customer empathy');
  });
});
