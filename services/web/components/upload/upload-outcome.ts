import type { ImageStatus } from '../../lib/api/image-types';
import type { FileRejection } from '../../lib/upload/check-upload-file';

/** State of one file, from the browser's check through the upload to the detection status. */
export type UploadOutcome =
  | { state: 'waiting' }
  | { state: 'sending'; loaded: number; total: number }
  /** Every byte is sent and the server is checking and storing the file. */
  | { state: 'verifying' }
  | { state: 'accepted'; imageId: string; status: ImageStatus }
  /** The browser refused the file before sending it, for the reason the API would give. */
  | { state: 'refused'; rejection: FileRejection }
  | { state: 'rejected'; status: number; code: string; message: string }
  | { state: 'network-error'; message: string };

export interface UploadItem {
  key: number;
  fileName: string;
  sizeBytes: number;
  outcome: UploadOutcome;
}

const ORDER: Record<ImageStatus, number> = { queued: 0, detecting: 1, done: 2, failed: 2 };

/**
 * Applies a detection status from the event stream to the matching accepted upload. A status never moves
 * backwards, because events from a redelivery can arrive after the final one.
 */
export function applyImageStatus(items: readonly UploadItem[], imageId: string, status: ImageStatus): UploadItem[] {
  return items.map((item) => {
    const { outcome } = item;
    if (outcome.state !== 'accepted' || outcome.imageId !== imageId || ORDER[status] < ORDER[outcome.status]) {
      return item;
    }
    return { ...item, outcome: { ...outcome, status } };
  });
}

export function isSettled(outcome: UploadOutcome): boolean {
  return outcome.state !== 'waiting' && outcome.state !== 'sending' && outcome.state !== 'verifying';
}
