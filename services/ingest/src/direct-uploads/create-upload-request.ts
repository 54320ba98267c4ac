import { InvalidUploadRequestError } from '../errors/direct-upload-errors.js';
import { FileTooLargeError, UnsupportedMediaTypeError } from '../errors/upload-errors.js';
import { ACCEPTED_FORMAT_NAMES, IMAGE_FORMATS } from '../uploads/image-formats.js';

/** A validated `POST /v1/uploads` body. */
export interface CreateUploadRequest {
  originalName: string;
  /** The declared type, lower case without parameters; the presigned PUT must send exactly this. */
  contentType: string;
  /** The declared size; the presigned PUT must send exactly this many bytes. */
  bytes: number;
}

/** Maximum file name length accepted; the event keeps its first 255 characters. */
const MAX_FILE_NAME_LENGTH = 1024;

const ACCEPTED_CONTENT_TYPES = new Set(Object.values(IMAGE_FORMATS).map((format) => format.contentType));

/**
 * Validates the JSON body `{ fileName, contentType, bytes }` of `POST /v1/uploads`. The declared
 * type and size only decide whether to hand out a URL: the complete request checks the stored bytes.
 * @throws InvalidUploadRequestError, UnsupportedMediaTypeError for a type that is not an accepted image type,
 *   FileTooLargeError for a size over `maxBytes`
 */
export function parseCreateUploadRequest(body: unknown, maxBytes: number): CreateUploadRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidUploadRequestError('body', 'must be a JSON object with fileName, contentType and bytes');
  }
  const { fileName, contentType, bytes } = body as Record<string, unknown>;

  if (typeof fileName !== 'string' || fileName.length > MAX_FILE_NAME_LENGTH) {
    throw new InvalidUploadRequestError('fileName', `must be a string of at most ${MAX_FILE_NAME_LENGTH} characters`);
  }
  if (typeof contentType !== 'string') {
    throw new InvalidUploadRequestError('contentType', "must be a string such as 'image/jpeg'");
  }
  if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 1) {
    throw new InvalidUploadRequestError('bytes', 'must be the file size in bytes, a whole number of at least 1');
  }

  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (!ACCEPTED_CONTENT_TYPES.has(mediaType)) {
    throw new UnsupportedMediaTypeError(fileName, mediaType === '' ? 'of no declared type' : mediaType, ACCEPTED_FORMAT_NAMES);
  }
  if (bytes > maxBytes) {
    throw new FileTooLargeError(fileName, maxBytes);
  }
  return { originalName: fileName, contentType: mediaType, bytes };
}
