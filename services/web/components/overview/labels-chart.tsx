'use client';

import { useId, useMemo } from 'react';
import type { LabelBucket } from '../../lib/api/overview-types';
import { useI18n } from '../../lib/i18n/locale-context';
import { assignLabelColors } from '../../lib/label-colors';
import { OTHER_SERIES, stackBuckets, topLabels } from './chart-series';

/** Labels drawn as their own colour; the rest share one grey segment. */
const TOP_LABEL_COUNT = 6;
const OTHER_COLOR = '#6b7280';
const WIDTH = 640;
const HEIGHT = 240;
const PLOT = { left: 40, right: 8, top: 8, bottom: 28 };
const MAX_AXIS_LABELS = 6;

/** Draws detections per label over time as stacked bars, with a legend and the same numbers as a table. */
export function LabelsChart({ buckets }: { buckets: LabelBucket[] }) {
  const { t, formatInteger, formatShortTime, formatDateTime } = useI18n();
  const titleId = useId();
  const series = useMemo(() => topLabels(buckets, TOP_LABEL_COUNT), [buckets]);
  const stacked = useMemo(() => stackBuckets(buckets, series), [buckets, series]);
  const colors = useMemo(() => {
    const map = assignLabelColors(series);
    map.set(OTHER_SERIES, OTHER_COLOR);
    return map;
  }, [series]);
  const hasOther = stacked.some((bucket) => bucket.segments.some((segment) => segment.series === OTHER_SERIES));
  const legend = hasOther ? [...series, OTHER_SERIES] : series;
  const seriesName = (name: string) => (name === OTHER_SERIES ? t('overview.otherLabels') : name);

  if (buckets.length === 0 || series.length === 0) {
    return <p className="muted">{t('overview.noDetections')}</p>;
  }

  const maxTotal = Math.max(1, ...stacked.map((bucket) => bucket.total));
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = plotWidth / stacked.length;
  const barWidth = Math.max(1, slot * 0.7);
  const y = (value: number) => PLOT.top + plotHeight - (value / maxTotal) * plotHeight;
  const labelEvery = Math.ceil(stacked.length / MAX_AXIS_LABELS);
  const ticks = [...new Set([0, Math.round(maxTotal / 2), maxTotal])];

  return (
    <div className="labels-chart">
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{t('overview.labelsChartTitle')}</title>
        {ticks.map((tick) => (
          <g key={tick} className="chart__tick">
            <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(tick)} y2={y(tick)} />
            <text x={PLOT.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="central">
              {formatInteger(tick)}
            </text>
          </g>
        ))}
        {stacked.map((bucket, position) => {
          const x = PLOT.left + position * slot + (slot - barWidth) / 2;
          let base = 0;
          return (
            <g key={bucket.bucketStart} className="chart__bar" data-bucket={bucket.bucketStart}>
              {bucket.segments.map((segment) => {
                const top = y(base + segment.count);
                const height = y(base) - top;
                base += segment.count;
                return (
                  <rect key={segment.series} x={x} y={top} width={barWidth} height={height} fill={colors.get(segment.series)} data-series={segment.series}>
                    <title>{`${formatDateTime(bucket.bucketStart)}: ${seriesName(segment.series)} ${formatInteger(segment.count)}`}</title>
                  </rect>
                );
              })}
              {position % labelEvery === 0 && (
                <text className="chart__axis-label" x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle">
                  {formatShortTime(bucket.bucketStart)}
                </text>
              )}
            </g>
          );
        })}
      </svg>

      <ul className="chart-legend" aria-label={t('overview.legend')}>
        {legend.map((name) => (
          <li key={name}>
            <span className="swatch" style={{ backgroundColor: colors.get(name) }} aria-hidden="true" />
            {seriesName(name)}
          </li>
        ))}
      </ul>

      <details className="chart-table">
        <summary>{t('overview.showTable')}</summary>
        <div className="table-scroll">
          <table className="detections-table">
            <caption className="visually-hidden">{t('overview.labelsChartTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.bucketStart')}</th>
                {legend.map((name) => (
                  <th key={name} scope="col" className="numeric">
                    {seriesName(name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stacked.map((bucket) => (
                <tr key={bucket.bucketStart}>
                  <th scope="row">
                    <time dateTime={bucket.bucketStart}>{formatDateTime(bucket.bucketStart)}</time>
                  </th>
                  {legend.map((name) => (
                    <td key={name} className="numeric">
                      {formatInteger(bucket.segments.find((segment) => segment.series === name)?.count ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
