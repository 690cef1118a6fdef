import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDraftStore } from '../../web/src/lib/draft-store.ts';
import { applyServerFields, fieldMessage } from '../../web/src/lib/form-errors.ts';

/** The part of the browser's localStorage the draft store uses. */
interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
declare global {
  var localStorage: StorageLike;
}

/** A localStorage stand-in; `full` makes every write fail as a full or disabled storage does. */
function memoryStorage(full = false): StorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (full) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

describe('applyServerFields', () => {
  it('keeps the first message a field is given, and lists the paths no field takes', () => {
    const set: [string, string][] = [];
    const fieldOf = (path: string) => {
      const [head] = path.split('.');
      return head === 'parties' || head === 'scope' ? head : undefined;
    };
    const result = applyServerFields(
      {
        'parties.1': 'Second party unknown',
        scope: 'Too long',
        'parties.3': 'Fourth party unknown',
        other: 'Odd',
      },
      fieldOf,
      (field, error) => set.push([field, error.message]),
    );
    expect(set).toEqual([
      ['parties', 'Second party unknown'],
      ['scope', 'Too long'],
    ]);
    expect(result).toEqual({ marked: ['parties', 'scope'], unplaced: [{ path: 'other', message: 'Odd' }] });
  });

  it("says a server message as it is, and the form's own errors in the form's words", () => {
    const translated = (type: string | undefined) => `own:${type}`;
    expect(fieldMessage({ type: 'server', message: 'From the server' }, translated)).toBe('From the server');
    expect(fieldMessage({ type: 'too_big', message: '' }, translated)).toBe('own:too_big');
    expect(fieldMessage(undefined, translated)).toBeUndefined();
  });
});

describe('createDraftStore', () => {
  const previous = globalThis.localStorage;
  const text = (stored: unknown) =>
    typeof stored === 'object' && stored !== null ? (stored as { a: string }) : null;
  const drafts = createDraftStore('ilo.draft.test', text);

  beforeEach(() => {
    globalThis.localStorage = memoryStorage();
  });
  afterEach(() => {
    globalThis.localStorage = previous;
  });

  it('keys a form by its parts, and gives back what was kept', () => {
    const key = drafts.key('DE', 'new');
    expect(key).toBe('ilo.draft.test.DE.new');
    const draft = {
      values: { a: 'typed' },
      baseVersion: 3,
      baseValues: { a: 'saved' },
      keptAt: '2026-01-01T10:00:00.000Z',
      setAside: { values: { a: 'mine' }, base: { a: 'older' } },
    };
    expect(drafts.save(key, draft)).toBe(true);
    expect(drafts.load(key)).toEqual(draft);
    drafts.clear(key);
    expect(drafts.load(key)).toBeNull();
  });

  it('reads a draft kept under the older `savedAt`, and nothing from what is not a draft', () => {
    localStorage.setItem(
      'k1',
      JSON.stringify({ values: { a: 'x' }, baseVersion: null, savedAt: '2026-02-02T08:00:00Z' }),
    );
    expect(drafts.load('k1')).toEqual({
      values: { a: 'x' },
      baseVersion: null,
      keptAt: '2026-02-02T08:00:00Z',
    });
    localStorage.setItem('k2', '{not json');
    localStorage.setItem('k3', JSON.stringify({ values: 'not the form' }));
    expect(drafts.load('k2')).toBeNull();
    expect(drafts.load('k3')).toBeNull();
  });

  it('says so when the browser refuses to keep a draft', () => {
    globalThis.localStorage = memoryStorage(true);
    expect(drafts.save('k', { values: { a: 'x' }, baseVersion: 1, keptAt: '2026-01-01T00:00:00Z' })).toBe(
      false,
    );
  });
});
