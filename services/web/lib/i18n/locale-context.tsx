'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createFormatters, type Formatters } from './formatters';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, MESSAGES, pickLocale, type Locale } from './locales';
import type { MessageKey } from './messages-en';
import { translate, type MessageValues } from './translate';

export interface I18n extends Formatters {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, values?: MessageValues) => string;
  /** Translates `<base>.one` or `<base>.other` by the locale's plural rule for `count`, passing `count` as a value. */
  tPlural: (base: PluralBase, count: number, values?: MessageValues) => string;
}

type PluralBase = MessageKey extends infer Key
  ? Key extends `${infer Base}.other`
    ? Base
    : never
  : never;

const I18nContext = createContext<I18n | null>(null);

function rememberLocale(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE_SECONDS}; SameSite=Lax`;
}

interface LocaleProviderProps {
  initialLocale: Locale;
  /** Whether `initialLocale` is the user's explicit choice rather than a guess from request headers. */
  remembered: boolean;
  children: ReactNode;
}

export function LocaleProvider({ initialLocale, remembered, children }: LocaleProviderProps) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  // Accept-Language may be missing or rewritten by a proxy, so without a stored choice the
  // browser's own language list has the last word.
  useEffect(() => {
    if (!remembered) {
      setLocaleState(pickLocale(navigator.languages.length > 0 ? navigator.languages : [navigator.language]));
    }
  }, [remembered]);

  // The server renders `lang` and the title for the first request only, so a toggle changes them here.
  useEffect(() => {
    const messages = MESSAGES[locale];
    document.documentElement.lang = locale;
    document.title = `${messages['app.name']} · ${messages['app.tagline']}`;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = MESSAGES[locale];
    const pluralRules = new Intl.PluralRules(locale);
    const t = (key: MessageKey, values?: MessageValues) => translate(messages, key, values);
    const tPlural = (base: PluralBase, count: number, values?: MessageValues) => {
      const candidate = `${base}.${pluralRules.select(count)}`;
      const key = (candidate in messages ? candidate : `${base}.other`) as MessageKey;
      return translate(messages, key, { count: new Intl.NumberFormat(locale).format(count), ...values });
    };
    return { locale, setLocale, t, tPlural, ...createFormatters(locale) };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) {
    throw new Error('useI18n() must be called inside <LocaleProvider>');
  }
  return value;
}
