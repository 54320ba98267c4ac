'use client';

import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../lib/api/api-error';
import { uploadImage } from '../../lib/api/images-api';

/** Uploads at a time: enough to keep the connection busy without queueing dozens of requests in the browser. */
const MAX_PARALLEL_UPLOADS = 3;

export type UploadOutcome =
  | { state: 'sending' }
  | { state: 'queued'; imageId: string }
  | { state: 'rejected'; status: number; code: string; message: string }
  | { state: 'network-error'; message: string };

export interface UploadItem {
  key: number;
  fileName: string;
  sizeBytes: number;
  outcome: UploadOutcome;
}

async function uploadOne(file: File): Promise<UploadOutcome> {
  try {
    const accepted = await uploadImage(file);
    const image = accepted.images[0];
    if (!image) {
      return { state: 'rejected', status: 202, code: 'empty_response', message: 'The server accepted the upload but returned no image id.' };
    }
    return { state: 'queued', imageId: image.id };
  } catch (error) {
    if (error instanceof ApiError) {
      return { state: 'rejected', status: error.status, code: error.code, message: error.message };
    }
    return { state: 'network-error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Uploads each file in its own request so every file gets its own outcome, newest files first in the list. */
export function useUploads() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const nextKey = useRef(0);
  const waiting = useRef<{ key: number; file: File }[]>([]);
  const running = useRef(0);

  const settle = useCallback((key: number, outcome: UploadOutcome) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, outcome } : item)));
  }, []);

  const pump = useCallback(() => {
    while (running.current < MAX_PARALLEL_UPLOADS && waiting.current.length > 0) {
      const job = waiting.current.shift()!;
      running.current += 1;
      void uploadOne(job.file).then((outcome) => {
        running.current -= 1;
        settle(job.key, outcome);
        pump();
      });
    }
  }, [settle]);

  const addFiles = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) {
        return;
      }
      const added = files.map((file) => ({ key: nextKey.current++, file }));
      const newItems = added.map(({ key, file }) => ({
        key,
        fileName: file.name,
        sizeBytes: file.size,
        outcome: { state: 'sending' } as const,
      }));
      setItems((current) => [...newItems.reverse(), ...current]);
      waiting.current.push(...added);
      pump();
    },
    [pump],
  );

  const clearFinished = useCallback(() => {
    setItems((current) => current.filter((item) => item.outcome.state === 'sending'));
  }, []);

  return { items, addFiles, clearFinished };
}
