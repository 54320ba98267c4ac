'use client';

import { useEffect, useState } from 'react';
import { ApiError } from '../../lib/api/api-error';
import { getTimeline } from '../../lib/api/images-api';
import type { TimelineEvent } from '../../lib/api/timeline-types';

export type TimelineState =
  | { phase: 'loading' }
  | { phase: 'ready'; events: TimelineEvent[] }
  /** The API has no timeline route (older version) or no timeline for this image, so the section stays hidden. */
  | { phase: 'unavailable' }
  | { phase: 'error'; message: string };

/** Fetches an image's timeline, and again whenever `revision` changes because a status event arrived for it. */
export function useTimeline(imageId: string, revision: number): TimelineState {
  const [state, setState] = useState<TimelineState>({ phase: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    getTimeline(imageId, controller.signal).then(
      (timeline) => setState({ phase: 'ready', events: timeline.events }),
      (error: unknown) => {
        if (controller.signal.aborted) {
          return;
        }
        if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
          setState({ phase: 'unavailable' });
        } else {
          // A failed refresh keeps the events on screen.
          setState((previous) =>
            previous.phase === 'ready' ? previous : { phase: 'error', message: error instanceof Error ? error.message : String(error) },
          );
        }
      },
    );
    return () => controller.abort();
  }, [imageId, revision]);

  return state;
}
