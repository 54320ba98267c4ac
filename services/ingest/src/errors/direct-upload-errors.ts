import { IngestError } from './ingest-error.js';

/** The JSON body of a direct upload request is missing a field or has a value of the wrong kind. */
export class InvalidUploadRequestError extends IngestError {
  readonly code = 'invalid_upload_request';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`Field '${field}' ${problem}.`);
  }
}

/** The request body is not `application/json`. */
export class JsonRequiredError extends IngestError {
  readonly code = 'json_required';

  constructor() {
    super('The request body must be application/json.');
  }
}

/** The request body is not a valid JSON object. */
export class InvalidJsonError extends IngestError {
  readonly code = 'invalid_json';

  constructor(detail: string, options?: ErrorOptions) {
    super(`The request body is not a valid JSON object: ${detail}.`, options);
  }
}

/** The JSON body is larger than the limit, which only a malformed or hostile client reaches. */
export class JsonBodyTooLargeError extends IngestError {
  readonly code = 'payload_too_large';

  constructor(maxBytes: number) {
    super(`The JSON request body is larger than the limit of ${maxBytes} bytes.`);
  }
}

/** The upload id was not issued by this service, was altered, or has expired. */
export class InvalidUploadTokenError extends IngestError {
  readonly code = 'invalid_upload_token';

  constructor(reason: string) {
    super(`The upload id is invalid: ${reason}. Start a new upload with POST /v1/uploads.`);
  }
}

/** No object was PUT under the upload's key, or it was already completed or rejected. */
export class UploadNotFoundError extends IngestError {
  readonly code = 'upload_not_found';

  constructor(readonly imageId: string) {
    super(`No uploaded file was found for image ${imageId}. PUT the file to the presigned URL before completing the upload.`);
  }
}

/** The uploaded file was replaced while ingest checked it, so the checked bytes are not the stored ones. */
export class UploadChangedError extends IngestError {
  readonly code = 'upload_changed';

  constructor(readonly imageId: string, options?: ErrorOptions) {
    super(`The uploaded file of image ${imageId} changed while it was checked. Complete the upload again.`, options);
  }
}
