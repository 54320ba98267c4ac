'use client';

import type { ReactNode } from 'react';
import type { ImageRecord } from '../../lib/api/image-types';
import { useI18n } from '../../lib/i18n/locale-context';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Lists what ran on the image and how long it took. Values the API has not filled in yet show a dash. */
export function RunDetails({ image }: { image: ImageRecord }) {
  const { t, formatDateTime, formatInteger, formatMilliseconds } = useI18n();
  const none = t('detail.notAvailable');
  const { timings } = image;

  return (
    <dl className="facts">
      <Fact term={t('detail.size')}>
        {image.width !== null && image.height !== null
          ? t('detail.sizeValue', { width: formatInteger(image.width), height: formatInteger(image.height) })
          : none}
      </Fact>
      <Fact term={t('detail.model')}>{image.model ? `${image.model.id} ${image.model.version}` : none}</Fact>
      <Fact term={t('detail.provider')}>{image.executionProvider ?? none}</Fact>
      <Fact term={t('detail.decode')}>{timings ? formatMilliseconds(timings.decodeMs) : none}</Fact>
      <Fact term={t('detail.inference')}>{timings ? formatMilliseconds(timings.inferenceMs) : none}</Fact>
      <Fact term={t('detail.total')}>{timings ? formatMilliseconds(timings.totalMs) : none}</Fact>
      <Fact term={t('detail.uploaded')}>
        <time dateTime={image.uploadedAt}>{formatDateTime(image.uploadedAt)}</time>
      </Fact>
      <Fact term={t('detail.completed')}>
        {image.completedAt ? <time dateTime={image.completedAt}>{formatDateTime(image.completedAt)}</time> : none}
      </Fact>
    </dl>
  );
}
