/** Base of the errors this service maps to HTTP responses. */
export abstract class ResultsError extends Error {
  abstract readonly code: string;
}

export class ImageNotFoundError extends ResultsError {
  readonly code = 'image_not_found';

  constructor(readonly imageId: string) {
    super(`Image ${imageId} not found`);
    this.name = 'ImageNotFoundError';
  }
}

/** The image row exists, but its original is not in the object store (yet). */
export class ImageFileNotFoundError extends ResultsError {
  readonly code = 'image_file_not_found';

  constructor(readonly imageId: string) {
    super(`The original file of image ${imageId} was not found`);
    this.name = 'ImageFileNotFoundError';
  }
}

/** A path or query parameter failed validation. */
export class InvalidParameterError extends ResultsError {
  readonly code = 'invalid_parameter';

  constructor(
    readonly parameter: string,
    problem: string,
  ) {
    super(`Invalid parameter ${parameter}: ${problem}`);
    this.name = 'InvalidParameterError';
  }
}

/** The object store could not be reached, so the original cannot be served now. */
export class FileStoreUnavailableError extends ResultsError {
  readonly code = 'file_store_unavailable';

  constructor(
    readonly imageId: string,
    options?: ErrorOptions,
  ) {
    super(`The object store is unavailable, so the original file of image ${imageId} cannot be read now. Retry later.`, options);
    this.name = 'FileStoreUnavailableError';
  }
}
