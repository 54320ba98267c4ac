'use client';

import { useI18n } from '../../lib/i18n/locale-context';
import type { IndexedDetection } from './detection-filter';

/** Describes each shown box in words for screen readers, such as "dog, score 0.87, at x 131–345, y 191–539". */
export function BoxesSummary({ entries }: { entries: IndexedDetection[] }) {
  const { t, tPlural, formatScore, formatInteger } = useI18n();

  return (
    <div className="visually-hidden">
      <p>{tPlural('detail.summary', entries.length)}</p>
      <ul>
        {entries.map(({ index, detection }) => (
          <li key={index}>
            {t('detail.boxSummary', {
              label: detection.label,
              score: formatScore(detection.score),
              x1: formatInteger(detection.box.x1),
              x2: formatInteger(detection.box.x2),
              y1: formatInteger(detection.box.y1),
              y2: formatInteger(detection.box.y2),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
