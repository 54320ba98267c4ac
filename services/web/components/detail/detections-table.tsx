'use client';

import { useMemo } from 'react';
import type { Detection } from '../../lib/api/image-types';
import { useI18n } from '../../lib/i18n/locale-context';
import { assignLabelColors } from '../../lib/label-colors';

interface DetectionsTableProps {
  detections: Detection[];
  activeIndex: number | null;
  onActiveChange: (index: number | null) => void;
}

/** Lists the detections as text, in the order of the box overlay, for readers who cannot see the boxes. */
export function DetectionsTable({ detections, activeIndex, onActiveChange }: DetectionsTableProps) {
  const { t, formatScore, formatInteger } = useI18n();
  const colors = useMemo(() => assignLabelColors(detections.map((detection) => detection.label)), [detections]);

  if (detections.length === 0) {
    return <p className="muted">{t('detail.noDetections')}</p>;
  }

  return (
    <div className="table-scroll">
      <table className="detections-table">
        <thead>
          <tr>
            <th scope="col">{t('detail.column.index')}</th>
            <th scope="col">{t('detail.column.label')}</th>
            <th scope="col" className="numeric">
              {t('detail.column.score')}
            </th>
            <th scope="col" className="numeric">
              {t('detail.column.box')}
            </th>
          </tr>
        </thead>
        <tbody>
          {detections.map((detection, index) => {
            const { box } = detection;
            const corners = [box.x1, box.y1, box.x2, box.y2].map(formatInteger).join(', ');
            return (
              <tr
                key={index}
                className={index === activeIndex ? 'is-active' : undefined}
                onMouseEnter={() => onActiveChange(index)}
                onMouseLeave={() => onActiveChange(null)}
              >
                <td className="numeric">{formatInteger(index + 1)}</td>
                <th scope="row">
                  <span className="swatch" style={{ backgroundColor: colors.get(detection.label) }} aria-hidden="true" />
                  {detection.label}
                </th>
                <td className="numeric">{formatScore(detection.score)}</td>
                <td className="numeric">{corners}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
