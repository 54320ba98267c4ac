'use client';

import Link from 'next/link';
import { useI18n } from '../../lib/i18n/locale-context';
import type { UploadItem } from './use-uploads';

function OutcomeText({ item }: { item: UploadItem }) {
  const { t } = useI18n();
  const { outcome } = item;

  switch (outcome.state) {
    case 'sending':
      return <span className="upload-outcome upload-outcome--sending">{t('upload.sending')}</span>;
    case 'queued':
      return (
        <span className="upload-outcome upload-outcome--queued">
          {t('upload.queued')} <Link href={`/images/${encodeURIComponent(outcome.imageId)}`}>{t('upload.view')}</Link>
        </span>
      );
    case 'rejected':
      return (
        <span className="upload-outcome upload-outcome--error">{t('upload.rejected', { message: outcome.message })}</span>
      );
    case 'network-error':
      return <span className="upload-outcome upload-outcome--error">{t('upload.networkError')}</span>;
  }
}

/** Lists the outcome of each upload started on this page, in a live region so screen readers announce each result. */
export function UploadResults({ items, onClear }: { items: UploadItem[]; onClear: () => void }) {
  const { t, formatFileSize } = useI18n();

  if (items.length === 0) {
    return null;
  }

  return (
    <div className="upload-results">
      <div className="upload-results__header">
        <h3>{t('upload.resultsHeading')}</h3>
        <button type="button" className="button button--quiet" onClick={onClear}>
          {t('upload.clearResults')}
        </button>
      </div>
      <ul aria-live="polite">
        {items.map((item) => (
          <li key={item.key} className="upload-item" data-state={item.outcome.state}>
            <span className="upload-item__name" title={item.fileName}>
              {item.fileName}
            </span>
            <span className="upload-item__size">{formatFileSize(item.sizeBytes)}</span>
            <OutcomeText item={item} />
          </li>
        ))}
      </ul>
    </div>
  );
}
