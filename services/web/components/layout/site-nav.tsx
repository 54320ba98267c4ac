'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useI18n } from '../../lib/i18n/locale-context';
import type { MessageKey } from '../../lib/i18n/messages-en';

const LINKS: { href: string; label: MessageKey }[] = [
  { href: '/', label: 'nav.home' },
  { href: '/history', label: 'nav.history' },
  { href: '/overview', label: 'nav.overview' },
];

/** Links to the dashboard's pages; the current one is marked for assistive technology and styled. */
export function SiteNav() {
  const { t } = useI18n();
  const pathname = usePathname();

  return (
    <nav className="site-nav" aria-label={t('nav.label')}>
      <ul>
        {LINKS.map(({ href, label }) => (
          <li key={href}>
            <Link href={href} aria-current={pathname === href ? 'page' : undefined}>
              {t(label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
