import { describe, expect, it } from '@jest/globals';
import { matchLocale, parseAcceptLanguage, pickLocale } from './locales';

describe('parseAcceptLanguage', () => {
  it('orders tags by quality', () => {
    expect(parseAcceptLanguage('en;q=0.5, ja-JP, fr;q=0.8')).toEqual(['ja-JP', 'fr', 'en']);
  });

  it('drops wildcards and zero quality', () => {
    expect(parseAcceptLanguage('*, ja;q=0, en')).toEqual(['en']);
  });

  it('returns nothing for a missing header', () => {
    expect(parseAcceptLanguage(null)).toEqual([]);
    expect(parseAcceptLanguage('')).toEqual([]);
  });
});

describe('pickLocale', () => {
  it('takes the first supported language', () => {
    expect(pickLocale(['fr-FR', 'ja-JP', 'en'])).toBe('ja');
  });

  it('falls back to English', () => {
    expect(pickLocale(['de', 'fr'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });

  it('matches by language subtag', () => {
    expect(matchLocale('JA_jp')).toBe('ja');
    expect(matchLocale('en-GB')).toBe('en');
    expect(matchLocale('jav')).toBeNull();
  });
});
