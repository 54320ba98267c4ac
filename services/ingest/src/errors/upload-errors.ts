import { formatBytes, formatMegapixels } from './format-units.js';
import { IngestError } from './ingest-error.js';

/** The request body is not `multipart/form-data`. */
export class NotMultipartError extends IngestError {
  readonly code = 'multipart_required';

  constructor() {
    super("The request body must be multipart/form-data with one or more 'file' parts.");
  }
}

/** The multipart body is malformed or breaks a multipart limit other than file size and count. */
export class InvalidMultipartError extends IngestError {
  readonly code = 'invalid_multipart';

  constructor(detail: string, options?: ErrorOptions) {
    super(`The multipart body is invalid: ${detail}.`, options);
  }
}

/** A file arrived in a part other than `file`. */
export class UnexpectedFieldError extends IngestError {
  readonly code = 'unexpected_field';

  constructor(field: string | undefined, options?: ErrorOptions) {
    const part = field === undefined ? 'A file part' : `File part '${field}'`;
    super(`${part} is not expected; send each image in a part named 'file'.`, options);
  }
}

/** A text field of the request is not a detection option or its value is outside the option's range. */
export class InvalidOptionError extends IngestError {
  readonly code = 'invalid_option';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class MissingFileError extends IngestError {
  readonly code = 'missing_file';

  constructor() {
    super("The request has no 'file' part; send each image in a part named 'file'.");
  }
}

/** A file is larger than `MAX_UPLOAD_BYTES`, detected while it streams in. */
export class FileTooLargeError extends IngestError {
  readonly code = 'payload_too_large';

  constructor(fileName: string | undefined, maxBytes: number, options?: ErrorOptions) {
    const file = fileName === undefined ? 'A file' : `File '${fileName}'`;
    super(`${file} is larger than the limit of ${formatBytes(maxBytes)}.`, options);
  }
}

export class TooManyFilesError extends IngestError {
  readonly code = 'too_many_files';

  constructor(maxFiles: number, options?: ErrorOptions) {
    super(`The request has more than ${maxFiles} files; the limit is ${maxFiles} files per request.`, options);
  }
}

/** The bytes are not an image format the detector can decode, whatever the name or header claims. */
export class UnsupportedMediaTypeError extends IngestError {
  readonly code = 'unsupported_media_type';

  constructor(fileName: string, detected: string | undefined, accepted: readonly string[], options?: ErrorOptions) {
    const found = detected === undefined ? 'is not a recognised image' : `is ${detected}`;
    super(`File '${fileName}' ${found}; accepted formats are ${accepted.join(', ')}.`, options);
  }
}

/** The header declares more pixels than `MAX_IMAGE_PIXELS`; raised before any decoding. */
export class ImageTooLargeError extends IngestError {
  readonly code = 'image_too_large';

  constructor(fileName: string, width: number, height: number, maxPixels: number) {
    super(
      `File '${fileName}' is ${width} x ${height} pixels (${formatMegapixels(width * height)}); ` +
        `the limit is ${formatMegapixels(maxPixels)}.`,
    );
  }
}

/** The header is readable but the pixel data is truncated or corrupt. */
export class UndecodableImageError extends IngestError {
  readonly code = 'undecodable_image';

  constructor(fileName: string, format: string | undefined, options?: ErrorOptions) {
    const kind = format === undefined ? 'image' : `${format} image`;
    super(`File '${fileName}' could not be decoded as a ${kind}; it is truncated or corrupt.`, options);
  }
}
