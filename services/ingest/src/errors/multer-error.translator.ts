import { InvalidMultipartError, FileTooLargeError, TooManyFilesError, UnexpectedFieldError } from './upload-errors.js';
import type { IngestError } from './ingest-error.js';

/** The fields of multer's `MulterError` this service reads (multer 2.x). */
interface MulterErrorFields {
  code: string;
  message: string;
  field?: string;
  filename?: string;
}

export interface UploadLimits {
  maxUploadBytes: number;
  maxFilesPerRequest: number;
}

/**
 * Returns the multer error that @nestjs/platform-express keeps as the `cause`
 * of the HttpException it raises for a failed multipart parse, if any.
 */
export function multerErrorOf(exception: Error): MulterErrorFields | undefined {
  const cause: unknown = exception.cause;
  if (!(cause instanceof Error) || cause.name !== 'MulterError') {
    return undefined;
  }
  const { code, field, filename } = cause as Error & Partial<MulterErrorFields>;
  if (typeof code !== 'string') {
    return undefined;
  }
  return { code, message: cause.message, field, filename };
}

/** Translates a multer error into the matching ingest error. */
export function translateMulterError(error: MulterErrorFields, limits: UploadLimits): IngestError {
  const options = { cause: error };
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return new FileTooLargeError(error.filename, limits.maxUploadBytes, options);
    case 'LIMIT_FILE_COUNT':
      return new TooManyFilesError(limits.maxFilesPerRequest, options);
    case 'LIMIT_UNEXPECTED_FILE':
      return new UnexpectedFieldError(error.field, options);
    default:
      return new InvalidMultipartError(error.message.toLowerCase(), options);
  }
}
