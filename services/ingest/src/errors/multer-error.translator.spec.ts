import { describe, expect, it } from '@jest/globals';
import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { httpStatusOf } from './error-status.js';
import { multerErrorOf, translateMulterError } from './multer-error.translator.js';

const limits = { maxUploadBytes: 20 * 1024 * 1024, maxFilesPerRequest: 20 };

function multerError(code: string, fields: { field?: string; filename?: string } = {}): Error {
  const error = new Error('multer message');
  error.name = 'MulterError';
  return Object.assign(error, { code }, fields);
}

describe('multerErrorOf', () => {
  it('reads the multer error kept as cause', () => {
    const exception = new PayloadTooLargeException('File too large', {
      cause: multerError('LIMIT_FILE_SIZE', { field: 'file', filename: 'a.jpg' }),
    });

    expect(multerErrorOf(exception)).toEqual({ code: 'LIMIT_FILE_SIZE', message: 'multer message', field: 'file', filename: 'a.jpg' });
  });

  it('ignores an exception without a multer cause', () => {
    expect(multerErrorOf(new BadRequestException('bad', { cause: new Error('other') }))).toBeUndefined();
  });
});

describe('translateMulterError', () => {
  it('names the file and the limit for LIMIT_FILE_SIZE', () => {
    const error = translateMulterError({ code: 'LIMIT_FILE_SIZE', message: 'File too large', filename: 'a.jpg' }, limits);

    expect(error.code).toBe('payload_too_large');
    expect(httpStatusOf(error)).toBe(413);
    expect(error.message).toBe("File 'a.jpg' is larger than the limit of 20 MiB.");
  });

  it('names the limit for LIMIT_FILE_COUNT', () => {
    const error = translateMulterError({ code: 'LIMIT_FILE_COUNT', message: 'Too many files' }, limits);

    expect(error.code).toBe('too_many_files');
    expect(httpStatusOf(error)).toBe(413);
    expect(error.message).toContain('the limit is 20 files per request');
  });

  it('names the part for LIMIT_UNEXPECTED_FILE', () => {
    const error = translateMulterError({ code: 'LIMIT_UNEXPECTED_FILE', message: 'Unexpected file field', field: 'image' }, limits);

    expect(error.code).toBe('unexpected_field');
    expect(httpStatusOf(error)).toBe(400);
    expect(error.message).toContain("File part 'image' is not expected");
  });

  it('reports other multer errors as invalid multipart', () => {
    const error = translateMulterError({ code: 'LIMIT_PART_COUNT', message: 'Too many parts' }, limits);

    expect(error.code).toBe('invalid_multipart');
    expect(httpStatusOf(error)).toBe(400);
    expect(error.message).toBe('The multipart body is invalid: too many parts.');
  });
});
