'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n/locale-context';
import { StatusBadge } from '../images/status-badge';
import { AnnotatedPhoto } from './annotated-photo';
import { DetectionsTable } from './detections-table';
import { FailureNotice } from './failure-notice';
import { RunDetails } from './run-details';
import { useImageRecord } from './use-image-record';

export function ImageDetail({ imageId }: { imageId: string }) {
  const { t } = useI18n();
  const state = useImageRecord(imageId);
  // The box or table row under the pointer, highlighted in both places.
  const [activeIndex, setActiveIndex] = useState<number | null>(null);

  return (
    <div className="detail">
      <Link href="/" className="back-link">
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
            <AnnotatedPhoto image={state.image} activeIndex={activeIndex} onActiveChange={setActiveIndex} />

            <div className="detail__side">
              {state.image.status === 'queued' && (
                <p className="notice" role="status">
                  {t('detail.pending')}
                </p>
              )}
              {state.image.status === 'failed' && state.image.failure && <FailureNotice failure={state.image.failure} />}
              {state.image.status === 'done' && (
                <section className="panel" aria-labelledby="detections-heading">
                  <h2 id="detections-heading">{t('detail.detectionsHeading')}</h2>
                  <DetectionsTable
                    detections={state.image.detections}
                    activeIndex={activeIndex}
                    onActiveChange={setActiveIndex}
                  />
                </section>
              )}
              <section className="panel" aria-labelledby="run-heading">
                <h2 id="run-heading">{t('detail.runHeading')}</h2>
                <RunDetails image={state.image} />
              </section>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
