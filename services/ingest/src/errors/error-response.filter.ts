import { Catch, HttpException, HttpStatus, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { errorFields, type Logger } from '@lookout/runtime';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest-config.js';
import { LOGGER } from '../logging/logger.provider.js';
import { httpStatusOf } from './error-status.js';
import { IngestError } from './ingest-error.js';
import { multerErrorOf, translateMulterError } from './multer-error.translator.js';
import { InvalidMultipartError } from './upload-errors.js';

export interface ErrorBody {
  error: { code: string; message: string };
}

/** Codes of the HTTP exceptions Nest raises itself, such as an unknown route. */
const CODE_BY_STATUS: Readonly<Partial<Record<number, string>>> = {
  [HttpStatus.BAD_REQUEST]: 'bad_request',
  [HttpStatus.NOT_FOUND]: 'not_found',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'method_not_allowed',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported_media_type',
};

/**
 * Writes every error as `{"error":{"code","message"}}`: ingest errors with the
 * status of their code, multer's parse errors translated into ingest errors,
 * other HTTP exceptions with their own status, and anything else as a 500
 * whose details stay in the log.
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger: Logger;

  constructor(
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'ErrorResponseFilter' });
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { status, body } = this.describe(exception);
    const fields = { method: request.method, url: request.originalUrl, status, code: body.error.code };

    if (status >= HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error({ ...fields, ...errorFields(exception) }, 'request failed');
    } else {
      this.logger.warn({ ...fields, reason: body.error.message }, 'request rejected');
    }
    if (response.headersSent) {
      return;
    }
    response.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; body: ErrorBody } {
    const error = this.toIngestError(exception);
    if (error !== undefined) {
      return { status: httpStatusOf(error), body: { error: { code: error.code, message: error.message } } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_BY_STATUS[status] ?? 'http_error';
      return { status, body: { error: { code, message: exception.message } } };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: { code: 'internal_error', message: 'The upload failed on the server; retry later.' } },
    };
  }

  private toIngestError(exception: unknown): IngestError | undefined {
    if (exception instanceof IngestError) {
      return exception;
    }
    if (!(exception instanceof HttpException)) {
      return undefined;
    }
    const multerError = multerErrorOf(exception);
    if (multerError !== undefined) {
      return translateMulterError(multerError, {
        maxUploadBytes: this.config.MAX_UPLOAD_BYTES,
        maxFilesPerRequest: this.config.MAX_FILES_PER_REQUEST,
      });
    }
    // @nestjs/platform-express 12.6 raises busboy's parse errors as a 400 whose message starts with "Multipart:".
    if (exception.getStatus() === HttpStatus.BAD_REQUEST && exception.message.startsWith('Multipart:')) {
      const detail = exception.message.slice('Multipart:'.length).trim().toLowerCase();
      return new InvalidMultipartError(detail, { cause: exception });
    }
    return undefined;
  }
}
