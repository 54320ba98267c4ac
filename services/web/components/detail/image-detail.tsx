'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useI18n } from '../../lib/i18n/locale-context';
import { StatusBadge } from '../images/status-badge';
import { AnnotatedPhoto } from './annotated-photo';
import { DetectionsPanel } from './detections-panel';
import { filterDetections, NO_FILTER, type DetectionFilter } from './detection-filter';
import { FailureNotice } from './failure-notice';
import { ImageTimeline } from './image-timeline';
import { RunDetails } from './run-details';
import { useImageRecord } from './use-image-record';
import { assignLabelColors } from '../../lib/label-colors';
import type { ImageRecord } from '../../lib/api/image-types';

const EMPTY: ImageRecord['detections'] = [];

export function ImageDetail({ imageId }: { imageId: string }) {
  const { t } = useI18n();
  const { state, revision } = useImageRecord(imageId);
  // The box or table row under the pointer or keyboard focus, highlighted in both places.
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const [filter, setFilter] = useState<DetectionFilter>(NO_FILTER);

  const detections = state.phase === 'ready' ? state.image.detections : EMPTY;
  // Colours come from every label of the image, so hiding one label never recolours the others.
  const colors = useMemo(() => assignLabelColors(detections.map((detection) => detection.label)), [detections]);
  const entries = useMemo(() => filterDetections(detections, filter), [detections, filter]);

  return (
    <div className="detail">
      <Link href="/history" className="back-link">
        <span aria-hidden="true">← </span>
        {t('detail.back')}
      </Link>

      {state.phase === 'loading' && <p className="muted">{t('detail.loading')}</p>}
      {state.phase === 'not-found' && (
        <p className="notice notice--error" role="alert">
          {t('detail.notFound')}
        </p>
      )}
      {state.phase === 'error' && (
        <p className="notice notice--error" role="alert">
          {t('detail.loadFailed', { message: state.message })}
        </p>
      )}

      {state.phase === 'ready' && (
        <>
          <header className="detail__header">
            <h1 className="detail__title">{state.image.originalName}</h1>
            <StatusBadge status={state.image.status} />
          </header>

          <div className="detail__layout">
            <AnnotatedPhoto
              image={state.image}
              entries={entries}
              colors={colors}
              activeIndex={activeIndex}
              onActiveChange={setActiveIndex}
            />

            <div className="detail__side">
              {(state.image.status === 'queued' || state.image.status === 'detecting') && (
                <p className="notice" role="status">
                  {t('detail.pending')}
                </p>
              )}
              {state.image.status === 'failed' && state.image.failure && <FailureNotice failure={state.image.failure} />}
              {state.image.status === 'done' && (
                <DetectionsPanel
                  image={state.image}
                  entries={entries}
                  colors={colors}
                  filter={filter}
                  onFilterChange={setFilter}
                  activeIndex={activeIndex}
                  onActiveChange={setActiveIndex}
                />
              )}
              <section className="panel" aria-labelledby="run-heading">
                <h2 id="run-heading">{t('detail.runHeading')}</h2>
                <RunDetails image={state.image} />
              </section>
              <ImageTimeline imageId={imageId} revision={revision} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
