import { describe, expect, it } from '@jest/globals';
import { applyImageStatus, type UploadItem } from './upload-outcome';

function accepted(imageId: string, status: 'queued' | 'detecting' | 'done' | 'failed'): UploadItem {
  return { key: 1, fileName: 'dog.jpg', sizeBytes: 10, outcome: { state: 'accepted', imageId, status } };
}

describe('applyImageStatus', () => {
  it('moves an accepted upload forward', () => {
    const [item] = applyImageStatus([accepted('a', 'queued')], 'a', 'detecting');
    expect(item!.outcome).toEqual({ state: 'accepted', imageId: 'a', status: 'detecting' });
  });

  it('ignores other images', () => {
    const [item] = applyImageStatus([accepted('a', 'queued')], 'b', 'done');
    expect(item!.outcome).toEqual({ state: 'accepted', imageId: 'a', status: 'queued' });
  });

  it('never moves backwards', () => {
    const [item] = applyImageStatus([accepted('a', 'done')], 'a', 'detecting');
    expect(item!.outcome).toEqual({ state: 'accepted', imageId: 'a', status: 'done' });
  });
});
