'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api/api-error';
import { getOverview } from '../../lib/api/images-api';
import type { StatsOverview } from '../../lib/api/overview-types';
import { useImageEvents } from '../../lib/api/use-image-events';

/** Range of the overview: the last hour up to the moment of each request. */
export const OVERVIEW_RANGE_MS = 60 * 60 * 1000;

export type OverviewState =
  | { phase: 'loading' }
  | { phase: 'ready'; overview: StatsOverview }
  /** Missing overview: `message` is null when the API has no such route (an older version), else the error of the failed request. */
  | { phase: 'unavailable'; message: string | null };

function failureMessage(error: unknown): string | null {
  if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
    return null;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Loads the overview and reloads it after status events, at most one request at a time. */
export function useOverview(): OverviewState {
  const [state, setState] = useState<OverviewState>({ phase: 'loading' });
  const refresh = useRef({ running: false, requestedAgain: false, mounted: true });

  const load = useCallback(async () => {
    const control = refresh.current;
    if (control.running) {
      control.requestedAgain = true;
      return;
    }
    control.running = true;
    try {
      do {
        control.requestedAgain = false;
        const to = new Date();
        const from = new Date(to.getTime() - OVERVIEW_RANGE_MS);
        try {
          const overview = await getOverview({ from: from.toISOString(), to: to.toISOString() });
          if (control.mounted) {
            setState({ phase: 'ready', overview });
          }
        } catch (error) {
          // A failed refresh keeps the last overview on screen; only a failed first load shows the notice.
          if (control.mounted) {
            setState((previous) =>
              previous.phase === 'ready' ? previous : { phase: 'unavailable', message: failureMessage(error) },
            );
          }
        }
      } while (control.requestedAgain && control.mounted);
    } finally {
      control.running = false;
    }
  }, []);

  useEffect(() => {
    const control = refresh.current;
    control.mounted = true;
    void load();
    return () => {
      control.mounted = false;
    };
  }, [load]);

  useImageEvents({ onImageEvent: () => void load(), onReconnect: () => void load() });

  return state;
}
