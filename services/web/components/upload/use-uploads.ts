'use client';

import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../lib/api/api-error';
import type { ImageStatus } from '../../lib/api/image-types';
import { uploadFile } from '../../lib/api/upload-api';
import { useImageEvents } from '../../lib/api/use-image-events';
import { checkUploadFile } from '../../lib/upload/check-upload-file';
import { applyImageStatus, isSettled, type UploadItem, type UploadOutcome } from './upload-outcome';

/** Uploads at a time: enough to keep the connection busy without queueing dozens of requests in the browser. */
const MAX_PARALLEL_UPLOADS = 3;

/**
 * Uploads each file in its own request so every file gets its own progress and outcome, newest files first.
 * Accepted files then follow their detection status from the event stream.
 */
export function useUploads() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const nextKey = useRef(0);
  const waiting = useRef<{ key: number; file: File }[]>([]);
  const running = useRef(0);
  // Events can arrive before the upload response names the image, so the newest status per image is kept.
  const seenStatuses = useRef(new Map<string, ImageStatus>());

  const update = useCallback((key: number, outcome: UploadOutcome) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, outcome } : item)));
  }, []);

  const uploadOne = useCallback(
    async (key: number, file: File): Promise<void> => {
      update(key, { state: 'sending', loaded: 0, total: file.size });
      try {
        const accepted = await uploadFile(file, {
          onProgress: ({ loaded, total }) => update(key, { state: 'sending', loaded, total }),
          onSent: () => update(key, { state: 'verifying' }),
        });
        const image = accepted.images[0];
        if (!image) {
          update(key, { state: 'rejected', status: 202, code: 'empty_response', message: 'The server accepted the upload but returned no image id.' });
          return;
        }
        setItems((current) =>
          applyImageStatus(
            current.map((item) => (item.key === key ? { ...item, outcome: { state: 'accepted', imageId: image.id, status: image.status } } : item)),
            image.id,
            seenStatuses.current.get(image.id) ?? image.status,
          ),
        );
      } catch (error) {
        if (error instanceof ApiError) {
          update(key, { state: 'rejected', status: error.status, code: error.code, message: error.message });
        } else {
          update(key, { state: 'network-error', message: error instanceof Error ? error.message : String(error) });
        }
      }
    },
    [update],
  );

  const pump = useCallback(() => {
    while (running.current < MAX_PARALLEL_UPLOADS && waiting.current.length > 0) {
      const job = waiting.current.shift()!;
      running.current += 1;
      void uploadOne(job.key, job.file).finally(() => {
        running.current -= 1;
        pump();
      });
    }
  }, [uploadOne]);

  const addFiles = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) {
        return;
      }
      const added = files.map((file) => ({ key: nextKey.current++, file, rejection: checkUploadFile(file) }));
      const newItems: UploadItem[] = added.map(({ key, file, rejection }) => ({
        key,
        fileName: file.name,
        sizeBytes: file.size,
        outcome: rejection ? { state: 'refused', rejection } : { state: 'waiting' },
      }));
      setItems((current) => [...newItems.reverse(), ...current]);
      waiting.current.push(...added.filter((job) => job.rejection === null));
      pump();
    },
    [pump],
  );

  const clearFinished = useCallback(() => {
    setItems((current) => current.filter((item) => !isSettled(item.outcome)));
  }, []);

  useImageEvents({
    onImageEvent: (event) => {
      seenStatuses.current.set(event.imageId, event.status);
      setItems((current) => applyImageStatus(current, event.imageId, event.status));
    },
  });

  return { items, addFiles, clearFinished };
}
