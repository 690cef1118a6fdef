import { describe, expect, it } from 'vitest';
import { unacceptableText } from '../../functions/lib/http/text.ts';

describe('acceptable text in a request body', () => {
  it('accepts every script, emoji, right-to-left and zero-width characters, tabs and line breaks', () => {
    expect(
      unacceptableText({
        a: 'Ελλάδα България Čeština مرحبا',
        b: ['🇩🇪👩‍👩‍👧‍👦', 'e\u0301', '\u202Eright-to-left', 'zero\u200Bwidth\uFEFF'],
        c: { text: 'line one\r\nline two\tand a tab', n: 3, ok: true, none: null },
      }),
    ).toBeUndefined();
  });

  it('names the field that holds a lone surrogate or a control character', () => {
    expect(unacceptableText({ post: { city: 'Kyiv\uD800' } })?.field).toBe('post.city');
    expect(unacceptableText({ values: { 'A2.text': 'cut emoji \uD83D' } })?.field).toBe('values.A2.text');
    expect(unacceptableText({ tasks: ['flows', 'lone low \uDC00'] })?.field).toBe('tasks.1');
    expect(unacceptableText({ summary: 'nul\u0000byte' })?.field).toBe('summary');
    expect(unacceptableText({ summary: 'escape\u001b[31m' })?.field).toBe('summary');
    expect(unacceptableText('\u0007')?.field).toBe('(body)');
  });

  it('names a key that is not text', () => {
    expect(unacceptableText({ fields: { 'bad\uD800key': 1 } })?.field).toBe('fields.bad\uD800key');
  });

  it('walks a body nested twenty thousand deep without overflowing', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(20_000)}"\\u0000"${'}'.repeat(20_000)}`);
    expect(unacceptableText(deep)?.field.split('.').length).toBe(20_000);
  });
});
