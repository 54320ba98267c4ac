'use client';

import Link from 'next/link';
import { useI18n } from '../lib/i18n/locale-context';

export default function NotFound() {
  const { t } = useI18n();

  return (
    <section className="panel">
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.body')}</p>
      <Link href="/">{t('detail.back')}</Link>
    </section>
  );
}
