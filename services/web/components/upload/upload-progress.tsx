'use client';

import { useI18n } from '../../lib/i18n/locale-context';

/** Renders a native progress bar for the bytes of one file, labelled with the file name and the percentage. */
export function UploadProgress({ fileName, loaded, total }: { fileName: string; loaded: number; total: number }) {
  const { t, formatPercent } = useI18n();
  const fraction = total > 0 ? Math.min(1, loaded / total) : 0;

  return (
    <span className="upload-progress">
      <progress className="upload-progress__bar" max={1} value={fraction} aria-label={t('upload.progressLabel', { name: fileName })} />
      <span className="upload-progress__value" aria-hidden="true">
        {formatPercent(fraction)}
      </span>
    </span>
  );
}
