import { describe, expect, it } from 'vitest';
import { displayName, foldName, searchTextOf } from './names.js';

describe('Dutch names', () => {
  it('puts the tussenvoegsel between first and last name', () => {
    expect(displayName({ firstName: 'Sanne', namePrefix: 'van den', lastName: 'Berg' })).toBe('Sanne van den Berg');
    expect(displayName({ firstName: 'Daan', namePrefix: null, lastName: 'Smit' })).toBe('Daan Smit');
    expect(displayName({ firstName: 'Daan', namePrefix: '  ', lastName: 'Smit' })).toBe('Daan Smit');
  });

  it('folds accents, case and punctuation so a search typed without them still matches', () => {
    expect(foldName('Zoë Çelik')).toBe('zoe celik');
    expect(foldName("D'Hondt-Élise")).toBe('d hondt elise');
  });

  it('treats ij and y as the same letter', () => {
    expect(foldName('Bijl')).toBe(foldName('Byl'));
    expect(searchTextOf({ firstName: 'Fleur', namePrefix: 'van', lastName: 'Dijk' })).toBe('fleur van dyk');
  });
});
