import { describe, expect, it } from 'vitest';
import { displayHandle, nameOrId, personLabel } from './people';

describe('displayHandle', () => {
  it('shows one leading @, never two', () => {
    expect(displayHandle('dana')).toBe('@dana');
    expect(displayHandle('@dana')).toBe('@dana');
    expect(displayHandle('@@dana')).toBe('@dana');
    expect(displayHandle('  @dana ')).toBe('@dana');
  });

  it('keeps handles that carry their own form', () => {
    expect(displayHandle('@dana.bsky.social')).toBe('@dana.bsky.social');
    expect(displayHandle('@dana@mastodon.social')).toBe('@dana@mastodon.social');
    expect(displayHandle('u/dana')).toBe('u/dana');
    expect(displayHandle('/u/dana')).toBe('/u/dana');
    expect(displayHandle('dana@example.com')).toBe('dana@example.com');
  });

  it('is empty for missing handles and removes direction controls', () => {
    expect(displayHandle(undefined)).toBe('');
    expect(displayHandle('')).toBe('');
    expect(displayHandle('@')).toBe('');
    expect(displayHandle('@\u202Enimda')).toBe('@nimda');
    expect(displayHandle('\u202E@@nimda')).toBe('@nimda');
  });
});

describe('personLabel', () => {
  it('names a person by handle, then name, then id', () => {
    expect(personLabel({ id: 'a1', handle: '@dana', name: 'Dana' })).toBe('@dana');
    expect(personLabel({ id: 'a1', handle: '', name: 'Dana' })).toBe('Dana');
    expect(personLabel({ id: 'a1' })).toBe('a1');
    expect(personLabel({ id: 'a1', name: 'in\u202Evoice' })).toBe('invoice');
  });
});

describe('nameOrId', () => {
  it('uses the id when the name shows nothing', () => {
    expect(nameOrId('Dana', 'u1')).toBe('Dana');
    expect(nameOrId(' Dana ', 'u1')).toBe(' Dana ');
    for (const blank of [undefined, null, '', '   ', '\t\n', '\u202E', '\u200B\u2066']) {
      expect(nameOrId(blank, 'u1')).toBe('u1');
    }
  });
});
