'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api/api-error';
import { getImage, listImages, type ImageListFilter } from '../../lib/api/images-api';
import type { ImageRecord, ImageStatusEvent } from '../../lib/api/image-types';
import { useImageEvents } from '../../lib/api/use-image-events';
import { appendPage, mergeFirstPage, replaceImage } from './merge-images';

export const PAGE_SIZE = 24;

export interface ImageListState {
  images: ImageRecord[];
  nextCursor: string | null;
  phase: 'loading' | 'ready' | 'error';
  errorMessage: string | null;
  loadingMore: boolean;
}

const LOADING: ImageListState = { images: [], nextCursor: null, phase: 'loading', errorMessage: null, loadingMore: false };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Loads the newest images page by page, optionally only those matching `filter`, and keeps them current
 * from the server-sent status events. An event for a displayed image refetches that image alone.
 * An event for any other image means a new upload, so the first page is refetched.
 */
export function useImageList(filter: ImageListFilter) {
  // Callers pass a fresh object on each render, so the hooks below depend on its values, not its identity.
  const { label, minScore, from, to } = filter;
  const [state, setState] = useState<ImageListState>(LOADING);
  const displayedImages = useRef<ImageRecord[]>([]);
  // Responses started under an older filter (or before unmount) carry a stale generation and are dropped.
  const generation = useRef(0);
  const firstPageRefresh = useRef({ running: false, requestedAgain: false });
  const latestImageRequest = useRef(new Map<string, number>());
  const requestCounter = useRef(0);

  useEffect(() => {
    displayedImages.current = state.images;
  }, [state.images]);

  const reload = useCallback(async () => {
    const current = ++generation.current;
    setState(LOADING);
    try {
      const page = await listImages({ limit: PAGE_SIZE, label, minScore, from, to });
      if (current === generation.current) {
        setState({ images: page.images, nextCursor: page.nextCursor, phase: 'ready', errorMessage: null, loadingMore: false });
      }
    } catch (error) {
      if (current === generation.current) {
        setState({ ...LOADING, phase: 'error', errorMessage: messageOf(error) });
      }
    }
  }, [label, minScore, from, to]);

  useEffect(() => {
    void reload();
    return () => {
      generation.current += 1;
    };
  }, [reload]);

  // Bursts of events (a batch upload) collapse into at most one extra request after the running one.
  const refreshFirstPage = useCallback(async () => {
    const refresh = firstPageRefresh.current;
    if (refresh.running) {
      refresh.requestedAgain = true;
      return;
    }

    refresh.running = true;
    try {
      do {
        refresh.requestedAgain = false;
        const current = generation.current;
        try {
          const page = await listImages({ limit: PAGE_SIZE, label, minScore, from, to });
          if (current === generation.current) {
            setState((previous) => ({
              ...previous,
              images: mergeFirstPage(previous.images, page.images),
              // A cursor from an earlier load still points past everything shown, so it stays valid.
              nextCursor: previous.images.length > 0 ? previous.nextCursor : page.nextCursor,
              phase: 'ready',
              errorMessage: null,
            }));
          }
        } catch (error) {
          // The list on screen stays as it was, and the next event or reconnect tries again.
          console.warn('Refreshing the image list failed', error);
        }
      } while (refresh.requestedAgain);
    } finally {
      refresh.running = false;
    }
  }, [label, minScore, from, to]);

  const refreshImage = useCallback(async (imageId: string) => {
    const request = ++requestCounter.current;
    const current = generation.current;
    latestImageRequest.current.set(imageId, request);
    try {
      const image = await getImage(imageId);
      const isLatest = latestImageRequest.current.get(imageId) === request;
      if (isLatest && current === generation.current) {
        setState((previous) => ({ ...previous, images: replaceImage(previous.images, image) }));
      }
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) {
        console.warn(`Refreshing image ${imageId} failed`, error);
      }
    }
  }, []);

  const loadMore = useCallback(async () => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) {
      return;
    }

    const current = generation.current;
    setState((previous) => ({ ...previous, loadingMore: true }));
    try {
      const page = await listImages({ limit: PAGE_SIZE, cursor, label, minScore, from, to });
      if (current === generation.current) {
        setState((previous) => ({
          ...previous,
          images: appendPage(previous.images, page.images),
          nextCursor: page.nextCursor,
          loadingMore: false,
        }));
      }
    } catch (error) {
      if (current === generation.current) {
        setState((previous) => ({ ...previous, loadingMore: false, errorMessage: messageOf(error) }));
      }
    }
  }, [label, minScore, from, to, state.loadingMore, state.nextCursor]);

  useImageEvents({
    onImageEvent: (event: ImageStatusEvent) => {
      if (displayedImages.current.some((image) => image.id === event.imageId)) {
        void refreshImage(event.imageId);
      } else {
        void refreshFirstPage();
      }
    },
    onReconnect: () => void refreshFirstPage(),
  });

  return { ...state, reload, loadMore };
}
