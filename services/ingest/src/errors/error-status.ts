import { HttpStatus } from '@nestjs/common';
import type { IngestError } from './ingest-error.js';

/** HTTP status of each `IngestError` code. A code missing here is a bug and maps to 500. */
const STATUS_BY_CODE: Readonly<Record<string, HttpStatus>> = {
  multipart_required: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  json_required: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  invalid_multipart: HttpStatus.BAD_REQUEST,
  unexpected_field: HttpStatus.BAD_REQUEST,
  missing_file: HttpStatus.BAD_REQUEST,
  invalid_option: HttpStatus.BAD_REQUEST,
  invalid_upload_request: HttpStatus.BAD_REQUEST,
  invalid_json: HttpStatus.BAD_REQUEST,
  invalid_upload_token: HttpStatus.BAD_REQUEST,
  upload_not_found: HttpStatus.BAD_REQUEST,
  upload_changed: HttpStatus.CONFLICT,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  too_many_files: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  image_too_large: HttpStatus.UNPROCESSABLE_ENTITY,
  undecodable_image: HttpStatus.UNPROCESSABLE_ENTITY,
  storage_unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  queue_unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

export function httpStatusOf(error: IngestError): HttpStatus {
  return STATUS_BY_CODE[error.code] ?? HttpStatus.INTERNAL_SERVER_ERROR;
}
