import { describe, expect, it } from 'vitest';
import { preferencesSchema } from '#shared/people.ts';
import { notificationFrequency, notificationKinds, personLanguages } from '#shared/preferences.ts';

describe('the notification kinds (shared/preferences.ts)', () => {
  it('are each a kind the directory stores, labelled in every UI language, named once', () => {
    const ids = notificationKinds.map((kind) => kind.id);
    expect(new Set(ids).size).toBe(ids.length);
    const everyKindDaily = Object.fromEntries(ids.map((id) => [id, 'daily']));
    expect(
      preferencesSchema.safeParse({ version: 1, language: 'en', notifications: everyKindDaily }).success,
    ).toBe(true);
    for (const kind of notificationKinds) {
      for (const language of personLanguages) expect(kind.label[language].trim(), kind.id).not.toBe('');
    }
  });

  it("answers a person's choice, or the kind's default until they make one", () => {
    expect(notificationFrequency({}, 'report_finalised')).toBe('daily');
    expect(notificationFrequency({}, 'secondment_notified')).toBe('immediate');
    expect(notificationFrequency({ report_finalised: 'off' }, 'report_finalised')).toBe('off');
  });
});
