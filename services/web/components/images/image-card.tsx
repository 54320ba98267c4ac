'use client';

import Link from 'next/link';
import type { ImageRecord } from '../../lib/api/image-types';
import { countLabels } from '../../lib/detections';
import { failureText } from '../../lib/failure-text';
import { useI18n } from '../../lib/i18n/locale-context';
import { ImageThumbnail } from './image-thumbnail';
import { LabelChips } from './label-chips';
import { StatusBadge } from './status-badge';

export function ImageCard({ image }: { image: ImageRecord }) {
  const { t, formatDateTime } = useI18n();
  const labels = countLabels(image.detections);

  return (
    <li className="image-card" data-image-id={image.id}>
      <Link href={`/images/${encodeURIComponent(image.id)}`} className="image-card__link">
        <ImageThumbnail image={image} className="image-card__thumb" />
        <span className="image-card__body">
          <span className="image-card__title">
            <span className="image-card__name">{image.originalName}</span>
            <StatusBadge status={image.status} />
          </span>
          {image.status === 'done' && labels.length > 0 && <LabelChips labels={labels} />}
          {image.status === 'done' && labels.length === 0 && (
            <span className="image-card__note">{t('images.noObjects')}</span>
          )}
          {image.status === 'queued' && <span className="image-card__note">{t('images.waiting')}</span>}
          {image.status === 'detecting' && <span className="image-card__note">{t('images.detecting')}</span>}
          {image.status === 'failed' && image.failure && (
            <span className="image-card__note image-card__note--error">{failureText(t, image.failure.reason)}</span>
          )}
          <time className="image-card__time" dateTime={image.uploadedAt}>
            {t('images.uploadedAt', { time: formatDateTime(image.uploadedAt) })}
          </time>
        </span>
      </Link>
    </li>
  );
}
