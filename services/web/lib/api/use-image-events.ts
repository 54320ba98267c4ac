'use client';

import { useEffect, useRef } from 'react';
import type { ImageStatus, ImageStatusEvent } from './image-types';

const EVENTS_URL = '/v1/events';
const IMAGE_STATUSES: readonly ImageStatus[] = ['queued', 'done', 'failed'];

export interface ImageEventHandlers {
  onImageEvent: (event: ImageStatusEvent) => void;
  /** Called when the stream reopens after a drop, because events sent meanwhile are lost. */
  onReconnect?: () => void;
}

function parseImageEvent(data: string): ImageStatusEvent | null {
  try {
    const value = JSON.parse(data) as Partial<ImageStatusEvent>;
    if (typeof value.imageId === 'string' && IMAGE_STATUSES.includes(value.status as ImageStatus)) {
      return { imageId: value.imageId, status: value.status as ImageStatus };
    }
  } catch {
    // A malformed event is skipped: the next status change or reconnect refreshes the view.
  }
  return null;
}

/** Subscribes to the API's status-change stream for the lifetime of the calling component. */
export function useImageEvents(handlers: ImageEventHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const source = new EventSource(EVENTS_URL);
    let droppedOnce = false;

    const handleImage = (message: MessageEvent<string>) => {
      const event = parseImageEvent(message.data);
      if (event) {
        latest.current.onImageEvent(event);
      }
    };
    // EventSource reconnects by itself; `error` marks the drop and the next `open` the recovery.
    const handleError = () => {
      droppedOnce = true;
    };
    const handleOpen = () => {
      if (droppedOnce) {
        droppedOnce = false;
        latest.current.onReconnect?.();
      }
    };

    source.addEventListener('image', handleImage);
    source.addEventListener('error', handleError);
    source.addEventListener('open', handleOpen);
    return () => {
      source.close();
    };
  }, []);
}
