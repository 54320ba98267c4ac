'use client';

import { useId } from 'react';
import type { MinuteCount } from '../../lib/api/overview-types';
import { useI18n } from '../../lib/i18n/locale-context';

const WIDTH = 640;
const HEIGHT = 80;

/** Shows uploads per minute as a small bar strip, with the latest minute and the peak in words. */
export function ImagesPerMinute({ minutes }: { minutes: MinuteCount[] }) {
  const { t, formatInteger, formatShortTime } = useI18n();
  const titleId = useId();

  if (minutes.length === 0) {
    return <p className="muted">{t('overview.noImages')}</p>;
  }

  const peak = Math.max(1, ...minutes.map((minute) => minute.count));
  const latest = minutes[minutes.length - 1]!;
  const slot = WIDTH / minutes.length;

  return (
    <div className="images-per-minute">
      <p>
        {t('overview.latestMinute', { count: formatInteger(latest.count), time: formatShortTime(latest.minute) })}{' '}
        <span className="muted">{t('overview.peakMinute', { count: formatInteger(peak) })}</span>
      </p>
      <svg className="chart chart--strip" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} preserveAspectRatio="none">
        <title id={titleId}>{t('overview.imagesPerMinuteTitle')}</title>
        {minutes.map((minute, position) => {
          const height = (minute.count / peak) * (HEIGHT - 2);
          return (
            <rect key={minute.minute} className="chart__strip-bar" x={position * slot + slot * 0.1} y={HEIGHT - height} width={slot * 0.8} height={height}>
              <title>{`${formatShortTime(minute.minute)}: ${formatInteger(minute.count)}`}</title>
            </rect>
          );
        })}
      </svg>
    </div>
  );
}
