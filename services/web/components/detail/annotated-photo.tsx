'use client';

import type { ImageRecord } from '../../lib/api/image-types';
import { useI18n } from '../../lib/i18n/locale-context';
import { BoxOverlay } from './box-overlay';
import type { IndexedDetection } from './detection-filter';

interface AnnotatedPhotoProps {
  image: ImageRecord;
  entries: IndexedDetection[];
  colors: Map<string, string>;
  activeIndex: number | null;
  onActiveChange: (index: number | null) => void;
}

/** Shows the original photo, with its detection boxes drawn over it once detection has finished. */
export function AnnotatedPhoto({ image, entries, colors, activeIndex, onActiveChange }: AnnotatedPhotoProps) {
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
          entries={entries}
          colors={colors}
          activeIndex={activeIndex}
          onActiveChange={onActiveChange}
        />
      )}
    </figure>
  );
}
