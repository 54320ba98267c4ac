import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '../components/layout/site-header';
import { LocaleProvider } from '../lib/i18n/locale-context';
import { MESSAGES } from '../lib/i18n/locales';
import { resolveRequestLocale } from '../lib/i18n/server-locale';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await resolveRequestLocale();
  const messages = MESSAGES[locale];
  return { title: `${messages['app.name']} · ${messages['app.tagline']}` };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, remembered } = await resolveRequestLocale();

  return (
    <html lang={locale}>
      <body>
        <LocaleProvider initialLocale={locale} remembered={remembered}>
          <SiteHeader />
          <main id="content" className="page">
            {children}
          </main>
        </LocaleProvider>
      </body>
    </html>
  );
}
