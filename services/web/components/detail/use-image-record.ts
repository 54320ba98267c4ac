'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api/api-error';
import { getImage } from '../../lib/api/images-api';
import type { ImageRecord } from '../../lib/api/image-types';
import { useImageEvents } from '../../lib/api/use-image-events';

export type ImageRecordState =
  | { phase: 'loading' }
  | { phase: 'ready'; image: ImageRecord }
  | { phase: 'not-found' }
  | { phase: 'error'; message: string };

export interface ImageRecordView {
  state: ImageRecordState;
  /** Counts the status events seen for this image, so views derived from it know when to refetch. */
  revision: number;
}

/** Fetches one image and refetches it whenever the event stream reports a status change for it. */
export function useImageRecord(imageId: string): ImageRecordView {
  const [state, setState] = useState<ImageRecordState>({ phase: 'loading' });
  const [revision, setRevision] = useState(0);
  // Only the newest request may write, so a slow early response cannot overwrite a later status.
  const latestRequest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latestRequest.current;
    try {
      const image = await getImage(imageId);
      if (request === latestRequest.current) {
        setState({ phase: 'ready', image });
      }
    } catch (error) {
      if (request !== latestRequest.current) {
        return;
      }
      if (error instanceof ApiError && error.status === 404) {
        setState({ phase: 'not-found' });
      } else {
        setState((previous) =>
          // A failed refresh keeps the record on screen, and only a failed first load shows the error.
          previous.phase === 'ready' ? previous : { phase: 'error', message: error instanceof Error ? error.message : String(error) },
        );
      }
    }
  }, [imageId]);

  useEffect(() => {
    setState({ phase: 'loading' });
    void load();
    return () => {
      latestRequest.current += 1;
    };
  }, [load]);

  useImageEvents({
    onImageEvent: (event) => {
      if (event.imageId === imageId) {
        setRevision((value) => value + 1);
        void load();
      }
    },
    onReconnect: () => {
      setRevision((value) => value + 1);
      void load();
    },
  });

  return { state, revision };
}
