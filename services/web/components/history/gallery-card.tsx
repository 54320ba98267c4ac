'use client';

import Link from 'next/link';
import type { ImageRecord } from '../../lib/api/image-types';
import { countLabels } from '../../lib/detections';
import { useI18n } from '../../lib/i18n/locale-context';
import { ImageThumbnail } from '../images/image-thumbnail';
import { LabelChips } from '../images/label-chips';
import { StatusBadge } from '../images/status-badge';

/** Renders one image of the history gallery as a single link: stored thumbnail, name, status, labels and upload time. */
export function GalleryCard({ image }: { image: ImageRecord }) {
  const { t, formatDateTime } = useI18n();
  const labels = countLabels(image.detections);

  return (
    <li className="gallery-card" data-image-id={image.id} data-status={image.status}>
      <Link href={`/images/${encodeURIComponent(image.id)}`} className="gallery-card__link">
        <ImageThumbnail image={image} className="gallery-card__thumb" />
        <span className="gallery-card__body">
          <span className="image-card__title">
            <span className="image-card__name">{image.originalName}</span>
            <StatusBadge status={image.status} />
          </span>
          {image.status === 'done' && labels.length > 0 && <LabelChips labels={labels} />}
          {image.status === 'done' && labels.length === 0 && <span className="image-card__note">{t('images.noObjects')}</span>}
          <time className="image-card__time" dateTime={image.uploadedAt}>
            {formatDateTime(image.uploadedAt)}
          </time>
        </span>
      </Link>
    </li>
  );
}
