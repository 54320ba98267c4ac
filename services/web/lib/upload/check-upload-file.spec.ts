import { describe, expect, it } from '@jest/globals';
import { checkUploadFile, describeRejection, MAX_UPLOAD_BYTES } from './check-upload-file';
import { formatIngestBytes } from './ingest-rejection-messages';

describe('checkUploadFile', () => {
  it('accepts an image type', () => {
    expect(checkUploadFile({ name: 'dog.jpg', size: 1000, type: 'image/jpeg' })).toBeNull();
  });

  it('rejects a text file', () => {
    expect(checkUploadFile({ name: 'a.txt', size: 10, type: 'text/plain' })?.code).toBe('unsupported_media_type');
  });

  it('uses the extension without a MIME type', () => {
    expect(checkUploadFile({ name: 'scan.TIFF', size: 10, type: '' })).toBeNull();
    expect(checkUploadFile({ name: 'notes', size: 10, type: '' })?.code).toBe('unsupported_media_type');
  });

  it('rejects a file over the limit', () => {
    expect(checkUploadFile({ name: 'big.png', size: MAX_UPLOAD_BYTES + 1, type: 'image/png' })?.code).toBe('payload_too_large');
    expect(checkUploadFile({ name: 'edge.png', size: MAX_UPLOAD_BYTES, type: 'image/png' })).toBeNull();
  });
});

describe('describeRejection', () => {
  it('words a wrong type as ingest does', () => {
    expect(describeRejection({ code: 'unsupported_media_type', status: 415 }, 'a.txt', 'en')).toBe(
      "File 'a.txt' is not a recognised image; accepted formats are JPEG, PNG, WebP, GIF, AVIF, TIFF.",
    );
  });

  it('words a large file as ingest does', () => {
    expect(describeRejection({ code: 'payload_too_large', status: 413 }, 'big.png', 'en')).toBe(
      "File 'big.png' is larger than the limit of 20 MiB.",
    );
  });

  it('translates both into Japanese', () => {
    expect(describeRejection({ code: 'unsupported_media_type', status: 415 }, 'a.txt', 'ja')).toContain('ファイル「a.txt」');
    expect(describeRejection({ code: 'payload_too_large', status: 413 }, 'big.png', 'ja')).toContain('20 MiB');
  });
});

describe('formatIngestBytes', () => {
  it('matches ingest units', () => {
    expect(formatIngestBytes(512)).toBe('512 bytes');
    expect(formatIngestBytes(1536)).toBe('1.5 KiB');
    expect(formatIngestBytes(20 * 1024 * 1024)).toBe('20 MiB');
  });
});
