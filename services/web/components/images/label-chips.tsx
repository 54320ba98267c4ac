'use client';

import { useMemo } from 'react';
import type { LabelCount } from '../../lib/detections';
import { useI18n } from '../../lib/i18n/locale-context';
import { assignLabelColors } from '../../lib/label-colors';

export function LabelChips({ labels }: { labels: LabelCount[] }) {
  const { formatInteger } = useI18n();
  const colors = useMemo(() => assignLabelColors(labels.map((entry) => entry.label)), [labels]);

  return (
    <span className="label-chips">
      {labels.map(({ label, count }) => (
        <span key={label} className="label-chip" style={{ backgroundColor: colors.get(label) }}>
          {label}
          {count > 1 && <span className="label-chip__count"> ×{formatInteger(count)}</span>}
        </span>
      ))}
    </span>
  );
}
