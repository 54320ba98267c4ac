'use client';

import type { ImageFailure } from '../../lib/api/image-types';
import { failureText } from '../../lib/failure-text';
import { useI18n } from '../../lib/i18n/locale-context';

export function FailureNotice({ failure }: { failure: ImageFailure }) {
  const { t } = useI18n();

  return (
    <div className="notice notice--error" role="alert">
      <h2>{t('detail.failedHeading')}</h2>
      <dl className="facts">
        <div className="fact">
          <dt>{t('detail.failureReason')}</dt>
          <dd>
            {failureText(t, failure.reason)} <code>{failure.reason}</code>
          </dd>
        </div>
        <div className="fact">
          <dt>{t('detail.failureMessage')}</dt>
          <dd>{failure.message}</dd>
        </div>
      </dl>
    </div>
  );
}
