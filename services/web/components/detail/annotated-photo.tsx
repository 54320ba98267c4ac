'use client';

import type { ImageRecord } from '../../lib/api/image-types';
import { useI18n } from '../../lib/i18n/locale-context';
import { BoxOverlay } from './box-overlay';

interface AnnotatedPhotoProps {
  image: ImageRecord;
  activeIndex: number | null;
  onActiveChange: (index: number | null) => void;
}

/** Shows the original photo, with its detection boxes drawn over it once detection has finished. */
export function AnnotatedPhoto({ image, activeIndex, onActiveChange }: AnnotatedPhotoProps) {
  const { t } = useI18n();
  const { width, height } = image;
  const hasSize = width !== null && height !== null && width > 0 && height > 0;

  return (
    <figure className="photo-frame">
      <img
        className="photo-frame__image"
        src={image.fileUrl}
        alt={t('detail.photoAlt', { name: image.originalName })}
        width={hasSize ? width : undefined}
        height={hasSize ? height : undefined}
      />
      {hasSize && image.status === 'done' && (
        <BoxOverlay
          width={width}
          height={height}
          detections={image.detections}
          activeIndex={activeIndex}
          onActiveChange={onActiveChange}
        />
      )}
    </figure>
  );
}
