'use client';

import { useId } from 'react';
import type { LabelCount } from '../../lib/detections';
import { useI18n } from '../../lib/i18n/locale-context';
import type { DetectionFilter } from './detection-filter';

interface DetectionFilterControlsProps {
  labels: LabelCount[];
  colors: Map<string, string>;
  filter: DetectionFilter;
  onChange: (filter: DetectionFilter) => void;
}

/** Renders the minimum-score slider and one checkbox per label; both filter the boxes and the table at once. */
export function DetectionFilterControls({ labels, colors, filter, onChange }: DetectionFilterControlsProps) {
  const { t, formatScore, formatInteger } = useI18n();
  const sliderId = useId();

  const toggleLabel = (label: string, shown: boolean) => {
    const hiddenLabels = new Set(filter.hiddenLabels);
    if (shown) {
      hiddenLabels.delete(label);
    } else {
      hiddenLabels.add(label);
    }
    onChange({ ...filter, hiddenLabels });
  };

  return (
    <div className="detection-filters">
      <div className="score-slider">
        <label htmlFor={sliderId}>{t('detail.minScore')}</label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={filter.minScore}
          aria-valuetext={formatScore(filter.minScore)}
          onChange={(event) => onChange({ ...filter, minScore: Number(event.target.value) })}
        />
        <output htmlFor={sliderId} className="score-slider__value">
          {formatScore(filter.minScore)}
        </output>
      </div>

      <fieldset className="label-toggles">
        <legend>{t('detail.labelsLegend')}</legend>
        {labels.map(({ label, count }) => (
          <label key={label} className="label-toggle">
            <input type="checkbox" checked={!filter.hiddenLabels.has(label)} onChange={(event) => toggleLabel(label, event.target.checked)} />
            <span className="swatch" style={{ backgroundColor: colors.get(label) }} aria-hidden="true" />
            {label}
            <span className="label-toggle__count">{formatInteger(count)}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
