'use client';

import { useMemo } from 'react';
import { cocoUrl } from '../../lib/api/images-api';
import type { ImageRecord } from '../../lib/api/image-types';
import { countLabels } from '../../lib/detections';
import { useI18n } from '../../lib/i18n/locale-context';
import { BoxesSummary } from './boxes-summary';
import type { DetectionFilter, IndexedDetection } from './detection-filter';
import { DetectionFilterControls } from './detection-filter-controls';
import { DetectionsTable } from './detections-table';

interface DetectionsPanelProps {
  image: ImageRecord;
  entries: IndexedDetection[];
  colors: Map<string, string>;
  filter: DetectionFilter;
  onFilterChange: (filter: DetectionFilter) => void;
  activeIndex: number | null;
  onActiveChange: (index: number | null) => void;
}

/** Holds the filters, the text descriptions and the table of a finished image's detections, and the COCO download. */
export function DetectionsPanel({ image, entries, colors, filter, onFilterChange, activeIndex, onActiveChange }: DetectionsPanelProps) {
  const { t, formatInteger } = useI18n();
  const labels = useMemo(() => countLabels(image.detections), [image.detections]);

  return (
    <section className="panel" aria-labelledby="detections-heading">
      <div className="panel__header">
        <h2 id="detections-heading">{t('detail.detectionsHeading')}</h2>
        <a className="button" href={cocoUrl(image.id)} download>
          {t('detail.downloadCoco')}
        </a>
      </div>
      {image.detections.length > 0 && (
        <>
          <DetectionFilterControls labels={labels} colors={colors} filter={filter} onChange={onFilterChange} />
          <p className="muted" role="status">
            {t('detail.shownCount', { shown: formatInteger(entries.length), total: formatInteger(image.detections.length) })}
          </p>
        </>
      )}
      <BoxesSummary entries={entries} />
      <DetectionsTable entries={entries} colors={colors} activeIndex={activeIndex} onActiveChange={onActiveChange} />
    </section>
  );
}
