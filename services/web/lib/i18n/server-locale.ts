import { cookies, headers } from 'next/headers';
import { isLocale, LOCALE_COOKIE, parseAcceptLanguage, pickLocale, type Locale } from './locales';

export interface RequestLocale {
  locale: Locale;
  /** True when the locale came from the cookie set by the language toggle. */
  remembered: boolean;
}

/** Resolves the request's language: the remembered choice first, then the browser's Accept-Language. */
export async function resolveRequestLocale(): Promise<RequestLocale> {
  const cookieValue = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookieValue)) {
    return { locale: cookieValue, remembered: true };
  }

  const acceptLanguage = (await headers()).get('accept-language');
  return { locale: pickLocale(parseAcceptLanguage(acceptLanguage)), remembered: false };
}
