'use client';

import { useI18n } from '../../lib/i18n/locale-context';
import { DropZone } from './drop-zone';
import { UploadResults } from './upload-results';
import { useUploads } from './use-uploads';

export function UploadPanel() {
  const { t } = useI18n();
  const { items, addFiles, clearFinished } = useUploads();

  return (
    <section className="panel upload-panel" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('upload.heading')}</h2>
      <DropZone onFiles={addFiles} />
      <UploadResults items={items} onClear={clearFinished} />
    </section>
  );
}
