'use client';

import { useEffect, useRef } from 'react';
import { IMAGE_STATUSES, type ImageStatus, type ImageStatusEvent } from './image-types';

const EVENTS_URL = '/v1/events';

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

interface SharedStream {
  source: EventSource;
  listeners: Set<{ current: ImageEventHandlers }>;
}

// One EventSource serves every component of the page, because browsers allow only six HTTP/1.1
// connections per origin and each open stream keeps one busy.
let shared: SharedStream | null = null;

function openSharedStream(): SharedStream {
  const source = new EventSource(EVENTS_URL);
  const stream: SharedStream = { source, listeners: new Set() };
  let droppedOnce = false;

  source.addEventListener('image', (message: MessageEvent<string>) => {
    const event = parseImageEvent(message.data);
    if (event) {
      for (const listener of [...stream.listeners]) {
        listener.current.onImageEvent(event);
      }
    }
  });
  // EventSource reconnects by itself; `error` marks the drop and the next `open` the recovery.
  source.addEventListener('error', () => {
    droppedOnce = true;
  });
  source.addEventListener('open', () => {
    if (droppedOnce) {
      droppedOnce = false;
      for (const listener of [...stream.listeners]) {
        listener.current.onReconnect?.();
      }
    }
  });
  return stream;
}

/** Subscribes to the API's status-change stream for the lifetime of the calling component. */
export function useImageEvents(handlers: ImageEventHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    shared ??= openSharedStream();
    const stream = shared;
    stream.listeners.add(latest);
    return () => {
      stream.listeners.delete(latest);
      if (stream.listeners.size === 0) {
        stream.source.close();
        if (shared === stream) {
          shared = null;
        }
      }
    };
  }, []);
}
