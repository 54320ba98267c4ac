import type { TimelineEvent } from '../../lib/api/timeline-types';
import { failureText } from '../../lib/failure-text';
import type { I18n } from '../../lib/i18n/locale-context';

/** Words one timeline event in the current language. A type from a newer API is shown by its name. */
export function timelineEntryText(event: TimelineEvent, i18n: Pick<I18n, 't' | 'formatMilliseconds' | 'formatInteger'>): string {
  const { t, formatMilliseconds, formatInteger } = i18n;
  const none = t('detail.notAvailable');
  const detector = event.detectorId ?? none;
  const attempt = event.attempt === undefined ? none : formatInteger(event.attempt);

  switch (event.type) {
    case 'uploaded':
      return t('timeline.uploaded');
    case 'started':
      return t('timeline.started', { detector, attempt });
    case 'retried':
      return t('timeline.retried', { detector, attempt });
    case 'completed':
      return t('timeline.completed', {
        provider: event.executionProvider ?? none,
        decode: event.decodeMs === undefined ? none : formatMilliseconds(event.decodeMs),
        inference: event.inferenceMs === undefined ? none : formatMilliseconds(event.inferenceMs),
        total: event.totalMs === undefined ? none : formatMilliseconds(event.totalMs),
      });
    case 'failed':
      return t('timeline.failed', { reason: event.reason === undefined ? none : failureText(t, event.reason) });
    case 'stored':
      return t('timeline.stored');
    default:
      return String((event as { type: unknown }).type);
  }
}
