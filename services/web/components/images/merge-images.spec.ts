import { describe, expect, it } from '@jest/globals';
import type { ImageRecord } from '../../lib/api/image-types';
import { appendPage, mergeFirstPage, replaceImage } from './merge-images';

function image(id: string, status: ImageRecord['status'] = 'queued'): ImageRecord {
  return {
    id,
    status,
    width: null,
    height: null,
    detections: [],
    model: null,
    executionProvider: null,
    timings: null,
    uploadedAt: '2025-01-01T00:00:00.000Z',
    completedAt: null,
    failure: null,
    originalName: `${id}.jpg`,
    fileUrl: `/v1/images/${id}/file`,
  };
}

const ids = (images: ImageRecord[]) => images.map((entry) => entry.id);

describe('mergeFirstPage', () => {
  it('puts new images first and keeps older pages', () => {
    const merged = mergeFirstPage([image('c'), image('b'), image('a')], [image('d'), image('c')]);
    expect(ids(merged)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('takes the fresh copy of a shown image', () => {
    const merged = mergeFirstPage([image('a', 'queued')], [image('a', 'done')]);
    expect(merged.map((entry) => entry.status)).toEqual(['done']);
  });
});

describe('appendPage', () => {
  it('skips images already shown', () => {
    expect(ids(appendPage([image('c'), image('b')], [image('b'), image('a')]))).toEqual(['c', 'b', 'a']);
  });
});

describe('replaceImage', () => {
  it('replaces only the matching image', () => {
    const replaced = replaceImage([image('a'), image('b')], image('b', 'failed'));
    expect(replaced.map((entry) => entry.status)).toEqual(['queued', 'failed']);
  });
});
