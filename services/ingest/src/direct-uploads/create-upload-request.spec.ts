import { describe, expect, it } from '@jest/globals';
import { InvalidUploadRequestError } from '../errors/direct-upload-errors.js';
import { FileTooLargeError, UnsupportedMediaTypeError } from '../errors/upload-errors.js';
import { parseCreateUploadRequest } from './create-upload-request.js';

const MAX_BYTES = 1000;

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('parseCreateUploadRequest', () => {
  it('accepts an image type and normalises it', () => {
    const request = parseCreateUploadRequest({ fileName: 'dog.JPG', contentType: 'Image/JPEG; charset=binary', bytes: 1000 }, MAX_BYTES);

    expect(request).toEqual({ originalName: 'dog.JPG', contentType: 'image/jpeg', bytes: 1000 });
  });

  it.each(['image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff'])('accepts %s', (contentType) => {
    expect(parseCreateUploadRequest({ fileName: 'a', contentType, bytes: 1 }, MAX_BYTES).contentType).toBe(contentType);
  });

  it('rejects a size over the limit', () => {
    const parse = () => parseCreateUploadRequest({ fileName: 'big.png', contentType: 'image/png', bytes: MAX_BYTES + 1 }, MAX_BYTES);

    expect(parse).toThrow(FileTooLargeError);
    expect(parse).toThrow("File 'big.png' is larger than the limit of 1000 bytes.");
  });

  it.each(['application/pdf', 'image/heic', 'image/svg+xml', ''])('rejects content type %j', (contentType) => {
    const parse = () => parseCreateUploadRequest({ fileName: 'x', contentType, bytes: 1 }, MAX_BYTES);

    expect(parse).toThrow(UnsupportedMediaTypeError);
  });

  it.each([
    ['not an object', [], 'body'],
    ['no fileName', { contentType: 'image/png', bytes: 1 }, 'fileName'],
    ['a numeric fileName', { fileName: 7, contentType: 'image/png', bytes: 1 }, 'fileName'],
    ['no contentType', { fileName: 'a', bytes: 1 }, 'contentType'],
    ['a size in text', { fileName: 'a', contentType: 'image/png', bytes: '1' }, 'bytes'],
    ['a fractional size', { fileName: 'a', contentType: 'image/png', bytes: 1.5 }, 'bytes'],
    ['a size of zero', { fileName: 'a', contentType: 'image/png', bytes: 0 }, 'bytes'],
  ])('rejects %s', (_case, body, field) => {
    const error = thrownBy(() => parseCreateUploadRequest(body, MAX_BYTES));

    expect(error).toBeInstanceOf(InvalidUploadRequestError);
    expect((error as InvalidUploadRequestError).field).toBe(field);
  });
});
