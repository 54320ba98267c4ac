'use client';

import Link from 'next/link';
import { useI18n } from '../../lib/i18n/locale-context';
import { LanguageToggle } from './language-toggle';
import { SiteNav } from './site-nav';

export function SiteHeader() {
  const { t } = useI18n();

  return (
    <header className="site-header">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </Link>
      <SiteNav />
      <LanguageToggle />
    </header>
  );
}
