'use client';

import Link from 'next/link';
import { useI18n } from '../../lib/i18n/locale-context';
import { describeRejection } from '../../lib/upload/check-upload-file';
import { StatusBadge } from '../images/status-badge';
import type { UploadItem } from './upload-outcome';
import { UploadProgress } from './upload-progress';

function OutcomeText({ item }: { item: UploadItem }) {
  const { t, locale } = useI18n();
  const { outcome } = item;

  switch (outcome.state) {
    case 'waiting':
      return <span className="upload-outcome upload-outcome--sending">{t('upload.waiting')}</span>;
    case 'sending':
      return (
        <span className="upload-outcome upload-outcome--sending">
          <UploadProgress fileName={item.fileName} loaded={outcome.loaded} total={outcome.total} />
        </span>
      );
    case 'verifying':
      return (
        <span className="upload-outcome upload-outcome--sending">
          <UploadProgress fileName={item.fileName} loaded={1} total={1} />
          <span>{t('upload.verifying')}</span>
        </span>
      );
    case 'accepted':
      return (
        <span className="upload-outcome upload-outcome--accepted">
          <StatusBadge status={outcome.status} />
          <Link href={`/images/${encodeURIComponent(outcome.imageId)}`}>{t('upload.view')}</Link>
        </span>
      );
    case 'refused':
      return (
        <span className="upload-outcome upload-outcome--error">
          {t('upload.rejected', { message: describeRejection(outcome.rejection, item.fileName, locale) })}
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

/** Lists each upload started on this page with its progress and status. Only settled outcomes are announced to screen readers. */
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
      <ul>
        {items.map((item) => (
          <li
            key={item.key}
            className="upload-item"
            data-state={item.outcome.state}
            data-image-id={item.outcome.state === 'accepted' ? item.outcome.imageId : undefined}
          >
            <span className="upload-item__name" title={item.fileName}>
              {item.fileName}
            </span>
            <span className="upload-item__size">{formatFileSize(item.sizeBytes)}</span>
            <span aria-live="polite" className="upload-item__outcome">
              <OutcomeText item={item} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
