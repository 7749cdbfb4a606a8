import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../demo/load-demo';
import { DEMO_CANDIDATE_IDS } from '../../demo/demo-candidates';
import { DEMO_USER_IDS } from '../../demo/demo-users';
import { buildTestApp, startTestStore, type TestStore } from '../../test/support/accounts';
import { create, edit, pullAll, serverDoc, type Doc } from '../../test/support/sync-client';
import { login, type Session } from '../../test/support/test-server';
import { FAST_TIMING, mailsTo, testSettings, textOf, waitFor } from '../../test/support/notification-fixture';
import { headerOf, startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink';
import { notificationsPlugin } from './plugin';

let store: TestStore;
let smtp: SmtpSink;
let app: FastifyInstance;
let recruiter: Session;
let manager: Session;
let interviewer: Session;

beforeAll(async () => {
  [store, smtp] = await Promise.all([startTestStore(), startSmtpSink()]);
  app = await buildTestApp(store, async (built) => {
    await built.register(notificationsPlugin, {
      prefix: '/api/admin/notifications',
      settings: testSettings({ smtpUrl: smtp.url }),
      timing: FAST_TIMING,
    });
  });
  await loadDemoIfEmpty(app.store, Date.now());
  [recruiter, manager, interviewer] = await Promise.all([
    login(app, 'recruiter1@example.com'),
    login(app, 'hr.manager@example.com'),
    login(app, 'interviewer1@example.com'),
  ]);
});

afterAll(async () => {
  await app.close();
  await Promise.all([store.stop(), smtp.close()]);
});

let sequence = 0;
function comment(by: Session, overrides: Partial<Doc> = {}): Doc {
  sequence += 1;
  return {
    id: `comment-test-${sequence}-${Date.now().toString(36)}`,
    updatedAt: Date.now(),
    candidateId: DEMO_CANDIDATE_IDS.mayaOkafor,
    body: 'Looks strong on systems design.',
    mentions: [],
    createdBy: by.user.id,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('comments on a candidate, judged by the server', () => {
  it('takes a recruiter’s comment and replicates it to the team, never to interviewers', async () => {
    const written = comment(recruiter);
    expect((await create(app, recruiter, 'comments', written)).rejections).toEqual([]);
    expect(await serverDoc(app, manager, 'comments', written.id)).toMatchObject({ body: written.body });
    const { documents } = await pullAll(app, interviewer, 'comments');
    expect(documents).toEqual([]);
  });

  it('refuses an interviewer’s comment and a mention of a non-member; the author is who wrote it', async () => {
    const byInterviewer = await create(app, interviewer, 'comments', comment(interviewer));
    expect(byInterviewer.rejections[0]?.code).toBe('forbidden_role');
    // The server writes the author itself: a comment in someone else's name is stored as one's own.
    const forged = comment(recruiter, { createdBy: manager.user.id });
    expect((await create(app, recruiter, 'comments', forged)).rejections).toEqual([]);
    expect(await serverDoc(app, manager, 'comments', forged.id)).toMatchObject({
      createdBy: recruiter.user.id,
    });
    const unknown = await create(
      app,
      recruiter,
      'comments',
      comment(recruiter, { mentions: ['user-nobody'] }),
    );
    expect(unknown.rejections[0]?.code).toBe('unknown_mention');
    const twice = await create(
      app,
      recruiter,
      'comments',
      comment(recruiter, { mentions: [DEMO_USER_IDS.hiringManager, DEMO_USER_IDS.hiringManager] }),
    );
    expect(twice.rejections[0]?.code).toBe('validation_failed');
  });

  it('lets only the author edit the text, and never the candidate it is on', async () => {
    const written = comment(recruiter);
    expect((await create(app, recruiter, 'comments', written)).rejections).toEqual([]);
    const byOther = await edit(app, manager, 'comments', written.id, (doc) => ({
      ...doc,
      body: 'Rewritten',
    }));
    expect(byOther.rejections[0]?.code).toBe('forbidden_role');
    const moved = await edit(app, recruiter, 'comments', written.id, (doc) => ({
      ...doc,
      candidateId: DEMO_CANDIDATE_IDS.weiZhang,
    }));
    expect(moved.rejections[0]?.code).toBe('immutable_field');
    const edited = await edit(app, recruiter, 'comments', written.id, (doc) => ({
      ...doc,
      body: 'Looks strong on systems design and on people.',
      editedAt: new Date().toISOString(),
    }));
    expect(edited.rejections).toEqual([]);
  });
});

describe('an @mention notifies the person', () => {
  it('mails each mentioned colleague once, however often the comment is edited; not the author', async () => {
    const written = comment(recruiter, {
      body: '@Priya Raman @Jordan Ellis can we speed this one up?',
      mentions: [DEMO_USER_IDS.hiringManager, DEMO_USER_IDS.recruiter1],
    });
    expect((await create(app, recruiter, 'comments', written)).rejections).toEqual([]);
    const mentionsOf = (address: string) =>
      mailsTo(smtp.received, address).filter((each) =>
        headerOf(each.raw, 'Subject')?.includes('mentioned you'),
      );
    const [mail] = await waitFor(
      'the mention notice',
      () => mentionsOf('hr.manager@example.com').length > 0 && mentionsOf('hr.manager@example.com'),
    );
    expect(headerOf(mail!.raw, 'Subject')).toBe('Jordan Ellis mentioned you on Maya Okafor');
    expect(textOf(mail!)).toContain('can we speed this one up?');

    const edited = await edit(app, recruiter, 'comments', written.id, (doc) => ({
      ...doc,
      body: '@Priya Raman can we speed this one up, please?',
      mentions: [DEMO_USER_IDS.hiringManager],
    }));
    expect(edited.rejections).toEqual([]);
    // Give the capture several rounds to (wrongly) send again.
    await pause(FAST_TIMING.pollMs * 10);
    expect(mentionsOf('hr.manager@example.com')).toHaveLength(1);
    expect(mentionsOf('recruiter1@example.com')).toEqual([]);
  });

  it('an edit that names someone new notifies them once; those already named hear nothing more', async () => {
    const mentionsOf = (address: string, text: string) =>
      mailsTo(smtp.received, address).filter(
        (each) => headerOf(each.raw, 'Subject')?.includes('mentioned you') && textOf(each).includes(text),
      );
    const written = comment(recruiter, {
      body: '@Priya Raman the references came back glowing.',
      mentions: [DEMO_USER_IDS.hiringManager],
    });
    expect((await create(app, recruiter, 'comments', written)).rejections).toEqual([]);
    await waitFor('the first notice', () => mentionsOf('hr.manager@example.com', 'references').length > 0);
    const edited = await edit(app, recruiter, 'comments', written.id, (doc) => ({
      ...doc,
      body: '@Priya Raman @Sofia Marquez the references came back glowing.',
      mentions: [DEMO_USER_IDS.hiringManager, DEMO_USER_IDS.recruiter2],
      editedAt: new Date().toISOString(),
    }));
    expect(edited.rejections).toEqual([]);
    const [notice] = await waitFor(
      'the notice of the new mention',
      () =>
        mentionsOf('recruiter2@example.com', 'references').length > 0 &&
        mentionsOf('recruiter2@example.com', 'references'),
    );
    expect(textOf(notice!)).toContain('@Sofia Marquez the references came back glowing.');
    const again = await edit(app, recruiter, 'comments', written.id, (doc) => ({
      ...doc,
      body: '@Priya Raman @Sofia Marquez the references came back glowing, all three.',
      editedAt: new Date().toISOString(),
    }));
    expect(again.rejections).toEqual([]);
    await pause(FAST_TIMING.pollMs * 10);
    expect(mentionsOf('hr.manager@example.com', 'references')).toHaveLength(1);
    expect(mentionsOf('recruiter2@example.com', 'references')).toHaveLength(1);
  });

  it('a deleted comment notifies nobody it names', async () => {
    const written = comment(recruiter, { body: 'Draft thoughts for later.' });
    expect((await create(app, recruiter, 'comments', written)).rejections).toEqual([]);
    const deleted = await edit(app, recruiter, 'comments', written.id, (doc) => ({ ...doc, _deleted: true }));
    expect(deleted.rejections).toEqual([]);
    await pause(FAST_TIMING.pollMs * 10);
    expect(smtp.received.filter((mail) => textOf(mail).includes('Draft thoughts'))).toEqual([]);
  });

  it('does not announce the comments the organisation had before notifications started', async () => {
    await pause(FAST_TIMING.pollMs * 5);
    const demoMention = smtp.received.filter((mail) => textOf(mail).includes('buy out one month'));
    expect(demoMention).toEqual([]);
  });
});
