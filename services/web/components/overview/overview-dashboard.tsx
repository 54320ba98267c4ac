'use client';

import { useI18n } from '../../lib/i18n/locale-context';
import { DetectorsTable } from './detectors-table';
import { ImagesPerMinute } from './images-per-minute';
import { LabelsChart } from './labels-chart';
import { useOverview } from './use-overview';

/** Shows what the system has been doing over the last hour, from GET /v1/stats/overview. */
export function OverviewDashboard() {
  const { t, formatInteger, formatDateTime } = useI18n();
  const state = useOverview();

  return (
    <div className="overview" aria-busy={state.phase === 'loading'}>
      <h1>{t('overview.heading')}</h1>
      {state.phase === 'loading' && <p className="muted">{t('images.loading')}</p>}
      {state.phase === 'unavailable' && (
        <div className="notice" role="status" data-testid="overview-unavailable">
          <p>{t('overview.unavailable')}</p>
          {state.message !== null && <p className="muted">{t('overview.loadFailed', { message: state.message })}</p>}
        </div>
      )}
      {state.phase === 'ready' && (
        <>
          <p className="muted">
            {t('overview.range', { from: formatDateTime(state.overview.from), to: formatDateTime(state.overview.to) })}
          </p>
          <div className="overview__grid">
            <section className="panel overview__wide" aria-labelledby="labels-over-time-heading">
              <h2 id="labels-over-time-heading">{t('overview.labelsOverTime')}</h2>
              <LabelsChart buckets={state.overview.labelsOverTime} />
            </section>
            <section className="panel" aria-labelledby="images-per-minute-heading">
              <h2 id="images-per-minute-heading">{t('overview.imagesPerMinute')}</h2>
              <ImagesPerMinute minutes={state.overview.imagesPerMinute} />
            </section>
            <section className="panel" aria-labelledby="queue-heading">
              <h2 id="queue-heading">{t('overview.queue')}</h2>
              <dl className="facts">
                <div className="fact">
                  <dt>{t('overview.pending')}</dt>
                  <dd data-testid="queue-pending">{formatInteger(state.overview.queue.pending)}</dd>
                </div>
                <div className="fact">
                  <dt>{t('overview.inFlight')}</dt>
                  <dd data-testid="queue-in-flight">{formatInteger(state.overview.queue.inFlight)}</dd>
                </div>
              </dl>
            </section>
            <section className="panel overview__wide" aria-labelledby="detectors-heading">
              <h2 id="detectors-heading">{t('overview.detectors')}</h2>
              <DetectorsTable detectors={state.overview.detectors} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
