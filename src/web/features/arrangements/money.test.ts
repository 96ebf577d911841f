import { describe, expect, it } from 'vitest';
import { centsToInput, formatEuro, parseEuros, parseHours } from './data.js';

describe('amounts as people type them', () => {
  it.each([
    ['1250', 125000],
    ['1250,5', 125050],
    ['1.250,50', 125050],
    ['1,250.50', 125050],
    ['1.250', 125000],
    ['€ 80', 8000],
    ['0,01', 1],
    ['12.5', 1250],
  ])('%j is %i cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  // "1,234" is ambiguous (a comma for cents, or for thousands): refused rather than guessed
  it.each(['', 'tien', '-5', '1,234', '1.2.3', '12,5,0'])('%j is not an amount', (text) => {
    expect(parseEuros(text)).toBeNull();
  });

  it('reads hours with at most one decimal', () => {
    expect(parseHours('1,5')).toBe(1.5);
    expect(parseHours('2')).toBe(2);
    expect(parseHours('1,25')).toBeNull();
    expect(parseHours('-1')).toBeNull();
  });

  it('shows cents as euros, in the form and in text', () => {
    expect(centsToInput(320000)).toBe('3200');
    expect(centsToInput(12550)).toBe('125,50');
    expect(formatEuro(123456).replace(/\s/g, ' ')).toBe('€ 1.234,56');
    expect(formatEuro(320000, { whole: true }).replace(/\s/g, ' ')).toBe('€ 3.200');
  });
});
