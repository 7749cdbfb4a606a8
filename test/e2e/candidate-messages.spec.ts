import { expect, test } from './support/test';
import { candidateAtStage, ServerApi, uniqueSuffix } from './support/api';
import { mailsTo } from './support/mailbox';
import { expectSynced, signIn } from './support/session';
import { setOffline } from './support/network';

/**
 * SPEC §12 in the app: the person rejecting decides whether the candidate gets a message, with the
 * organisation's template filled in and editable; nothing is sent otherwise, and what was sent shows on
 * the candidate's page. The suite's server writes mail as files, which the test reads.
 */

function applicationAtScreening(request: Parameters<typeof ServerApi.as>[0], firstName: string) {
  return candidateAtStage(request, { firstName, lastName: 'Messaged', jobTitle: 'Messages' }, 'screening');
}

test('rejecting without a message tells the candidate nothing', async ({ page, request }) => {
  const { candidate, application } = await applicationAtScreening(request, 'Quinn');
  await signIn(page, 'recruiter1@example.com');
  await page.goto(`./applications/${application.id}`);
  await page.getByRole('button', { name: 'Reject' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reject Quinn Messaged' });
  await dialog.getByLabel('Reason').click();
  await page.getByRole('option', { name: 'Went with a stronger candidate' }).click();
  const send = dialog.getByRole('checkbox', { name: /Send Quinn a message/ });
  await expect(send).not.toBeChecked(); // the demo organisation does not tick it by default
  await expect(dialog.getByText('No message: the candidate is not told anything.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Rejected at Screening/ })).toBeVisible();
  await expectSynced(page);

  await page.goto(`./candidates/${candidate.id}`);
  await expect(page.getByText('No messages were sent to this candidate.')).toBeVisible();
  await page.waitForTimeout(3_000); // a worker round or two
  expect(mailsTo(candidate.email, /./)).toEqual([]);
});

test('rejecting with a message written offline sends exactly those words once it syncs', async ({
  page,
  context,
  request,
}) => {
  const { candidate, application, job } = await applicationAtScreening(request, 'Riley');
  await signIn(page, 'recruiter1@example.com');
  await page.goto(`./applications/${application.id}`);
  await setOffline(context, true);

  await page.getByRole('button', { name: 'Reject' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reject Riley Messaged' });
  await dialog.getByLabel('Reason').click();
  await page.getByRole('option', { name: 'Went with a stronger candidate' }).click();
  await dialog.getByRole('checkbox', { name: /Send Riley a message/ }).check();
  const body = dialog.getByLabel('Message', { exact: true });
  // The organisation's template, filled in for this candidate and job.
  await expect(body).toHaveValue(/^Dear Riley,/);
  await expect(body).toHaveValue(new RegExp(job.title));
  await body.fill('Dear Riley,\n\nThank you for talking with us. We will not go further this time.\n\nRita');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByLabel('Preview', { exact: true })).toContainText('Thank you for talking with us.');
  await dialog.getByRole('button', { name: 'Reject and send' }).click();
  await expect(page.getByRole('heading', { name: /Rejected at Screening/ })).toBeVisible();

  // Within the app (offline, a reload would not come back).
  await page.getByRole('link', { name: 'Candidate profile' }).click();
  const messages = page.getByRole('region', { name: 'Messages' });
  await expect(messages).toContainText('Waiting to be sent');
  await expect(page.getByText(/they show when this computer is online/)).toBeVisible();
  expect(mailsTo(candidate.email, /./)).toEqual([]);

  await setOffline(context, false);
  await expect(messages).toContainText('Sent', { timeout: 30_000 });
  await expect(messages).toContainText(`to ${candidate.email}`);
  await expect
    .poll(() => mailsTo(candidate.email, /Your application for/), { timeout: 20_000 })
    .toHaveLength(1);
  expect(mailsTo(candidate.email, /./)[0]).toContain('Thank you for talking with us.');
  await page.waitForTimeout(2_000);
  expect(mailsTo(candidate.email, /./)).toHaveLength(1);
});

test.describe('hiring from the board', () => {
  test('hiring from the board asks first, and sends the welcome only when the person chose it', async ({
    page,
    request,
  }) => {
    const manager = await ServerApi.as(request, 'hr.manager@example.com');
    const job = await manager.createJob(`Board hires ${uniqueSuffix()}`, 'open');
    const welcomed = await manager.createCandidate('Sasha', 'Welcomed');
    const quiet = await manager.createCandidate('Toni', 'Quiet');
    // Hiring needs an accepted offer (SPEC §3).
    for (const candidate of [welcomed, quiet]) {
      const application = await manager.createApplication(job, candidate, 'offer');
      await manager.push('applications', application, {
        ...application,
        offer: { baseSalary: 70_000, currency: 'EUR', status: 'accepted' },
      });
    }
    await signIn(page, 'hr.manager@example.com');
    await page.goto(`./jobs/${job.id}/pipeline`);
    const board = page.getByRole('group', { name: 'Pipeline board' });
    const column = (stage: string) => board.getByRole('region', { name: stage, exact: true });
    const card = (name: string) => board.getByRole('button', { name: new RegExp(`^${name},`) });
    const moveRight = async (name: string) => {
      await card(name).focus();
      await expect(card(name)).toBeFocused();
      await page.keyboard.press('Space');
      // Picked up: the board marks where the card may go. (An arrow pressed before the drag has
      // started, in the same instant as the space, is not part of it.)
      await expect(column('Hired')).toHaveAttribute('data-drop-state', 'allowed');
      await page.keyboard.press('ArrowRight');
      await expect(column('Hired')).toHaveAttribute('data-over', 'true');
      await page.keyboard.press('Space');
    };
    await expect(card('Sasha Welcomed')).toBeVisible({ timeout: 20_000 });

    // A drop on Hired moves nothing until the person confirms; cancelling leaves the card where it was.
    await moveRight('Toni Quiet');
    const quietDialog = page.getByRole('dialog', { name: 'Hire Toni Quiet' });
    await expect(quietDialog.getByText(/Hiring is final/)).toBeVisible();
    await quietDialog.getByRole('button', { name: 'Cancel' }).click();
    // Gone for good (its closing hands the focus back) before the next card is picked up.
    await expect(quietDialog).toHaveCount(0);
    await expect(card('Toni Quiet')).toBeVisible();
    await expect(column('Offer').getByRole('button', { name: /^Toni Quiet,/ })).toBeVisible();

    await moveRight('Sasha Welcomed');
    const dialog = page.getByRole('dialog', { name: 'Hire Sasha Welcomed' });
    await dialog.getByRole('checkbox', { name: /Send Sasha a message/ }).check();
    await expect(dialog.getByLabel('Message', { exact: true })).toHaveValue(
      new RegExp(`^Dear Sasha,[^]*${job.title}`),
    );
    await page.screenshot({ path: test.info().outputPath('board-hire-dialog.png') });
    await dialog.getByRole('button', { name: 'Hire Sasha Welcomed and send' }).click();
    await expect(dialog).toHaveCount(0);
    // The job's one opening is filled: it offers to close the job; this team keeps it open.
    const closeJob = page.getByRole('dialog', { name: `Close ${job.title} as filled?` });
    await closeJob.getByRole('button', { name: 'Keep it open' }).click();
    // Gone for good (its closing hands the focus back) before the next card is picked up.
    await expect(closeJob).toHaveCount(0);
    await expect(column('Hired').getByRole('button', { name: /^Sasha Welcomed,/ })).toBeVisible();

    await moveRight('Toni Quiet');
    await page
      .getByRole('dialog', { name: 'Hire Toni Quiet' })
      .getByRole('button', { name: 'Hire Toni Quiet', exact: true })
      .click();
    await closeJob.getByRole('button', { name: 'Keep it open' }).click();
    await expect(closeJob).toHaveCount(0);
    await expect(column('Hired').getByRole('button', { name: /^Toni Quiet,/ })).toBeVisible();
    await expectSynced(page);

    await expect.poll(() => mailsTo(welcomed.email, /Welcome aboard/), { timeout: 20_000 }).toHaveLength(1);
    await page.waitForTimeout(3_000); // a worker round or two
    expect(mailsTo(welcomed.email, /./)).toHaveLength(1);
    expect(mailsTo(quiet.email, /./)).toEqual([]);
  });
});

test.describe('an invitation in the candidate’s own time zone', () => {
  // The recruiter works in Berlin (computer and preference); the candidate, set to New York on their
  // profile, reads New York time.
  test.use({ timezoneId: 'Europe/Berlin' });

  test('the candidate’s zone set on their profile is the one their invitation is written in, naming it', async ({
    page,
    request,
  }) => {
    const { recruiter, candidate, application } = await candidateAtStage(
      request,
      { firstName: 'Uma', lastName: 'Zoned', jobTitle: 'Zones' },
      'interview',
    );
    // The form's time is read in the person's own zone (an earlier test's browser may have set UTC).
    const previousZone = await recruiter.setOwnTimeZone('Europe/Berlin');
    await signIn(page, 'recruiter1@example.com');

    await page.goto(`./candidates/${candidate.id}/edit`);
    await page.getByLabel('Time zone').fill('America/New_Y');
    await page.getByRole('option', { name: 'America/New_York' }).click();
    await page.screenshot({ path: test.info().outputPath('candidate-time-zone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save candidate' }).click();
    await expect(page).toHaveURL(new RegExp(`/candidates/${candidate.id}$`));
    await expect
      .poll(async () => (await recruiter.find('candidates', candidate.id))?.timeZone, { timeout: 20_000 })
      .toBe('America/New_York');

    await page.goto(`./applications/${application.id}`);
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule interview' });
    await dialog.getByLabel('Interviewers').fill('Marcus');
    await page.getByRole('option', { name: 'Marcus Thompson' }).click();
    // 16:00 in Berlin (UTC+1 in early March) is 10:00 in New York (UTC-5).
    await dialog.getByLabel('Date and time').fill('2027-03-02T16:00');
    await dialog.getByRole('checkbox', { name: /Send Uma a message/ }).check();
    const body = dialog.getByLabel('Message', { exact: true });
    await expect(body).toHaveValue(/When: Tuesday 2 March 2027, 10:00 \(America\/New_York\)/);
    await dialog.getByRole('button', { name: 'Schedule and send' }).click();
    await expect(dialog).toHaveCount(0);

    await expect
      .poll(() => mailsTo(candidate.email, /Your interview for/), { timeout: 30_000 })
      .toHaveLength(1);
    expect(mailsTo(candidate.email, /Your interview for/)[0]).toContain('10:00 (America/New_York)');

    // The candidate's page shows the invitation sent to them, and the one the interviewer got about them.
    await page.goto(`./candidates/${candidate.id}`);
    await expect(page.getByRole('region', { name: 'Messages' })).toContainText('Your interview for');
    const aboutThem = page.getByRole('list', { name: 'E-mails about the candidate' });
    await expect(aboutThem.getByRole('listitem').filter({ hasText: /^Interview scheduled/ })).toContainText(
      'To interviewer3@example.com',
      { timeout: 20_000 },
    );
    await page.screenshot({ path: test.info().outputPath('candidate-page-messages.png'), fullPage: true });
    if (previousZone) await recruiter.setOwnTimeZone(previousZone);
  });
});
