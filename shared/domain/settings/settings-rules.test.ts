import { describe, expect, it } from 'vitest';
import { ROLES } from '../common/roles';
import { actor } from '../../test-support/fixtures';
import { decideSettingsWrite } from './settings-rules';
import { defaultSettings, type Settings } from './settings-schema';

const before = defaultSettings(1);
const codeOf = (decision: ReturnType<typeof decideSettingsWrite>) => (decision.ok ? 'ok' : decision.code);

describe('the organisation’s settings', () => {
  it.each(ROLES)('%s: only admins may change them', (role) => {
    const after: Settings = {
      ...before,
      rejectionReasons: [...before.rejectionReasons, { id: 'new', label: 'New' }],
    };
    expect(codeOf(decideSettingsWrite(actor(role), before, after))).toBe(
      role === 'admin' ? 'ok' : 'forbidden_role',
    );
  });

  it('keeps every reason once listed (retire, do not remove), each once, and at least one in use', () => {
    const admin = actor('admin');
    const [first, ...rest] = before.rejectionReasons;
    if (!first) throw new Error('no default reasons');
    expect(codeOf(decideSettingsWrite(admin, before, { ...before, rejectionReasons: rest }))).toBe(
      'immutable_field',
    );
    const retired = { ...before, rejectionReasons: [{ ...first, retired: true }, ...rest] };
    expect(codeOf(decideSettingsWrite(admin, before, retired))).toBe('ok');
    const twice = { ...before, rejectionReasons: [first, first, ...rest] };
    expect(codeOf(decideSettingsWrite(admin, before, twice))).toBe('validation_failed');
    const allRetired = {
      ...before,
      rejectionReasons: before.rejectionReasons.map((reason) => ({ ...reason, retired: true })),
    };
    expect(codeOf(decideSettingsWrite(admin, before, allRetired))).toBe('validation_failed');
    expect(codeOf(decideSettingsWrite(admin, null, { ...before, id: 'other' }))).toBe('id_mismatch');
  });

  it('templates use only their kind’s variables; the time zone is a real one', () => {
    const admin = actor('admin');
    const withTemplate = (subject: string, body: string): Settings => ({
      ...before,
      messageTemplates: { rejection: { subject, body } },
    });
    expect(
      codeOf(
        decideSettingsWrite(admin, before, withTemplate('About {{jobTitle}}', 'Dear {{candidateFirstName}}')),
      ),
    ).toBe('ok');
    expect(codeOf(decideSettingsWrite(admin, before, withTemplate('About {{jobTitel}}', 'Hi')))).toBe(
      'validation_failed',
    );
    // An interview's time is for invitations only.
    expect(codeOf(decideSettingsWrite(admin, before, withTemplate('Hi', 'At {{interviewWhen}}')))).toBe(
      'validation_failed',
    );
    expect(codeOf(decideSettingsWrite(admin, before, { ...before, timeZone: 'Europe/Berlin' }))).toBe('ok');
    expect(codeOf(decideSettingsWrite(admin, before, { ...before, timeZone: 'Mars/Olympus' }))).toBe(
      'validation_failed',
    );
  });
});
