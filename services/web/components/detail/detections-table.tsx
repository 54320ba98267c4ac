'use client';

import type { KeyboardEvent } from 'react';
import { useI18n } from '../../lib/i18n/locale-context';
import type { IndexedDetection } from './detection-filter';

interface DetectionsTableProps {
  entries: IndexedDetection[];
  colors: Map<string, string>;
  activeIndex: number | null;
  onActiveChange: (index: number | null) => void;
}

/**
 * Lists the shown detections as text, in the order of the box overlay. Each row takes keyboard focus and
 * highlights its box, as hovering does.
 */
export function DetectionsTable({ entries, colors, activeIndex, onActiveChange }: DetectionsTableProps) {
  const { t, formatScore, formatInteger } = useI18n();

  if (entries.length === 0) {
    return <p className="muted">{t('detail.noDetections')}</p>;
  }

  // Arrow keys move between rows, so the table is one stop in the tab order plus quick row-to-row movement.
  const moveFocus = (event: KeyboardEvent<HTMLTableRowElement>) => {
    let sibling: Element | null = null;
    if (event.key === 'ArrowDown') {
      sibling = event.currentTarget.nextElementSibling;
    } else if (event.key === 'ArrowUp') {
      sibling = event.currentTarget.previousElementSibling;
    }
    if (sibling instanceof HTMLElement) {
      event.preventDefault();
      sibling.focus();
    }
  };

  return (
    <div className="table-scroll">
      <table className="detections-table">
        <caption className="visually-hidden">{t('detail.tableCaption')}</caption>
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
          {entries.map(({ index, detection }) => {
            const { box } = detection;
            const corners = [box.x1, box.y1, box.x2, box.y2].map(formatInteger).join(', ');
            return (
              <tr
                key={index}
                data-index={index}
                tabIndex={0}
                className={index === activeIndex ? 'is-active' : undefined}
                onMouseEnter={() => onActiveChange(index)}
                onMouseLeave={() => onActiveChange(null)}
                onFocus={() => onActiveChange(index)}
                onBlur={() => onActiveChange(null)}
                onKeyDown={moveFocus}
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
