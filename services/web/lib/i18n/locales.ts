import { messagesEn, type Messages } from './messages-en';
import { messagesJa } from './messages-ja';

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';
/** Cookie that stores the language picked with the toggle, so the server renders the first page in it. */
export const LOCALE_COOKIE = 'lookout-locale';
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export const MESSAGES: Record<Locale, Messages> = { en: messagesEn, ja: messagesJa };

/** Each language's own name, so a reader of either can find theirs on the toggle. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ja: '日本語' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag such as `ja-JP` or `en-GB` to a supported locale by its language subtag. */
export function matchLocale(tag: string): Locale | null {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : null;
}

/** Picks the first supported language from an ordered list of preferences, or the default. */
export function pickLocale(preferences: readonly string[]): Locale {
  for (const tag of preferences) {
    const locale = matchLocale(tag);
    if (locale) {
      return locale;
    }
  }
  return DEFAULT_LOCALE;
}

/** Orders the tags of an Accept-Language header by their quality value, highest first. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) {
    return [];
  }

  const weighted = header.split(',').map((part, position) => {
    const [tag = '', ...params] = part.trim().split(';');
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const quality = qParam === undefined ? 1 : Number(qParam.slice(2));
    return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, position };
  });

  return weighted
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.position - b.position)
    .map((entry) => entry.tag);
}
