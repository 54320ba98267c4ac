'use client';

import type { RunningDetector } from '../../lib/api/overview-types';
import { useI18n } from '../../lib/i18n/locale-context';

export function DetectorsTable({ detectors }: { detectors: RunningDetector[] }) {
  const { t, formatDateTime } = useI18n();
  const none = t('detail.notAvailable');

  if (detectors.length === 0) {
    return <p className="muted">{t('overview.noDetectors')}</p>;
  }

  return (
    <div className="table-scroll">
      <table className="detections-table detectors-table">
        <thead>
          <tr>
            <th scope="col">{t('overview.detector')}</th>
            <th scope="col">{t('detail.provider')}</th>
            <th scope="col">{t('detail.model')}</th>
            <th scope="col">{t('overview.lastSeen')}</th>
          </tr>
        </thead>
        <tbody>
          {detectors.map((detector) => (
            <tr key={detector.detectorId}>
              <th scope="row">
                <code>{detector.detectorId}</code>
              </th>
              <td>{detector.executionProvider ?? none}</td>
              <td>{detector.model ? `${detector.model.id} ${detector.model.version}` : none}</td>
              <td>
                <time dateTime={detector.lastSeenAt}>{formatDateTime(detector.lastSeenAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
