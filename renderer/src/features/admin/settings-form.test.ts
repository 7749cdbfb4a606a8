import { describe, expect, it } from 'vitest';
import { decideSettingsWrite } from '#shared/domain/settings/settings-rules';
import { defaultSettings } from '#shared/domain/settings/settings-schema';
import { formToSettings, reasonId, settingsToForm } from './settings-form';

describe('the settings form', () => {
  const before = defaultSettings(1);
  const admin = { id: 'admin-1', role: 'admin' as const };

  it('stores only the templates that differ from the defaults, and is a valid settings document', () => {
    const form = settingsToForm(before);
    expect(formToSettings(before, form).messageTemplates).toBeUndefined();
    form.templates.rejection = { subject: 'About {{jobTitle}}', body: 'Dear {{candidateFirstName}}, no.' };
    form.defaults.rejection = true;
    form.timeZone = 'Europe/Berlin';
    const after = formToSettings(before, form);
    expect(after.messageTemplates).toEqual({ rejection: form.templates.rejection });
    expect(after).toMatchObject({ messageDefaults: { rejection: true, offer: false }, timeZone: 'Europe/Berlin' });
    expect(decideSettingsWrite(admin, before, after).ok).toBe(true);
  });

  it('makes reason ids from words, unlike those taken', () => {
    expect(reasonId('Too far to commute!', [])).toBe('too-far-to-commute');
    expect(reasonId('Too far to commute', ['too-far-to-commute'])).toBe('too-far-to-commute-2');
    expect(reasonId('???', [])).toBe('reason');
  });
});
