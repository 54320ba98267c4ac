'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { historyQueryString, parseHistoryQuery, toImageListFilter, type HistoryQuery } from '../../lib/history-query';
import { useI18n } from '../../lib/i18n/locale-context';
import { useImageList } from '../images/use-image-list';
import { GalleryCard } from './gallery-card';
import { HistoryFilters } from './history-filters';

/** Lists past images as a gallery. The filters live in the URL, so a filtered view can be shared or bookmarked. */
export function HistoryGallery() {
  const { t, formatInteger } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const queryKey = searchParams.toString();
  const query = useMemo(() => parseHistoryQuery(new URLSearchParams(queryKey)), [queryKey]);
  const list = useImageList(toImageListFilter(query));

  const apply = useCallback(
    (next: HistoryQuery) => router.push(`${pathname}${historyQueryString(next)}`, { scroll: false }),
    [pathname, router],
  );

  return (
    <section className="panel history" aria-labelledby="history-heading" aria-busy={list.phase === 'loading'}>
      <h1 id="history-heading">{t('history.heading')}</h1>
      <HistoryFilters query={query} onApply={apply} />

      {list.phase === 'loading' && <p className="muted">{t('images.loading')}</p>}
      {list.phase === 'error' && (
        <div className="notice notice--error" role="alert">
          <p>{t('images.loadFailed', { message: list.errorMessage ?? '' })}</p>
          <button type="button" className="button" onClick={() => void list.reload()}>
            {t('images.retry')}
          </button>
        </div>
      )}
      {list.phase === 'ready' && (
        <p className="muted" role="status">
          {list.images.length === 0 ? t('history.empty') : t('history.shown', { count: formatInteger(list.images.length) })}
        </p>
      )}

      {list.images.length > 0 && (
        <ul className="gallery-grid">
          {list.images.map((image) => (
            <GalleryCard key={image.id} image={image} />
          ))}
        </ul>
      )}

      {list.phase === 'ready' && list.errorMessage && (
        <p className="notice notice--error" role="alert">
          {t('images.loadFailed', { message: list.errorMessage })}
        </p>
      )}

      {list.nextCursor && (
        <div className="image-list__more">
          <button type="button" className="button" disabled={list.loadingMore} onClick={() => void list.loadMore()}>
            {list.loadingMore ? t('images.loading') : t('images.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}
