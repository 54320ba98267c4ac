'use client';

import { useState } from 'react';
import { useI18n } from '../../lib/i18n/locale-context';
import { ImageCard } from './image-card';
import { LabelFilter } from './label-filter';
import { useImageList } from './use-image-list';

export function ImageList() {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  const list = useImageList({ label });

  return (
    <section className="panel image-list" aria-labelledby="images-heading" aria-busy={list.phase === 'loading'}>
      <div className="image-list__header">
        <h2 id="images-heading">{t('images.heading')}</h2>
        <LabelFilter label={label} onChange={setLabel} />
      </div>

      {list.phase === 'loading' && <p className="muted">{t('images.loading')}</p>}

      {list.phase === 'error' && (
        <div className="notice notice--error" role="alert">
          <p>{t('images.loadFailed', { message: list.errorMessage ?? '' })}</p>
          <button type="button" className="button" onClick={() => void list.reload()}>
            {t('images.retry')}
          </button>
        </div>
      )}

      {list.phase === 'ready' && list.images.length === 0 && (
        <p className="muted">{label === '' ? t('images.empty') : t('images.emptyFiltered', { label })}</p>
      )}

      {list.images.length > 0 && (
        <ul className="image-grid">
          {list.images.map((image) => (
            <ImageCard key={image.id} image={image} />
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
