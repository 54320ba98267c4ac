'use client';

import type { ImageStatus } from '../../lib/api/image-types';
import { useI18n } from '../../lib/i18n/locale-context';

export function StatusBadge({ status }: { status: ImageStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
