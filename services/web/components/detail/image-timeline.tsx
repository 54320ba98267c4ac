'use client';

import { useI18n } from '../../lib/i18n/locale-context';
import { timelineEntryText } from './timeline-entry-text';
import { useTimeline } from './use-timeline';

/** Shows what happened to the image in order. Hidden entirely when the API has no timeline for it. */
export function ImageTimeline({ imageId, revision }: { imageId: string; revision: number }) {
  const i18n = useI18n();
  const { t, formatPreciseTime, formatDateTime } = i18n;
  const state = useTimeline(imageId, revision);

  if (state.phase === 'unavailable') {
    return null;
  }

  return (
    <section className="panel timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.heading')}</h2>
      {state.phase === 'loading' && <p className="muted">{t('timeline.loading')}</p>}
      {state.phase === 'error' && <p className="muted">{t('timeline.loadFailed', { message: state.message })}</p>}
      {state.phase === 'ready' && (
        <ol className="timeline__list">
          {state.events.map((event, position) => (
            <li key={`${event.type}-${event.at}-${position}`} className={`timeline__entry timeline__entry--${event.type}`} data-type={event.type}>
              <time dateTime={event.at} title={formatDateTime(event.at)}>
                {formatPreciseTime(event.at)}
              </time>
              <span className="timeline__text">{timelineEntryText(event, i18n)}</span>
              {event.message && <span className="timeline__message">{event.message}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
