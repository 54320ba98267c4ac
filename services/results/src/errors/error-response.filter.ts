import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { errorFields, type Logger } from '@lookout/runtime';
import type { Request, Response } from 'express';
import { throwError, type Observable } from 'rxjs';

import {
  FileStoreUnavailableError,
  ImageFileNotFoundError,
  ImageNotFoundError,
  InvalidParameterError,
  ResultsError,
} from './results-errors.js';
import { InvalidWebhookError, WebhookEndpointRejectedError, WebhookNotFoundError } from './webhook-errors.js';

export interface ErrorBody {
  error: { code: string; message: string };
}

function statusOf(error: ResultsError): HttpStatus {
  if (error instanceof ImageNotFoundError || error instanceof ImageFileNotFoundError) {
    return HttpStatus.NOT_FOUND;
  }
  if (error instanceof InvalidParameterError) {
    return HttpStatus.BAD_REQUEST;
  }
  if (error instanceof InvalidWebhookError || error instanceof WebhookEndpointRejectedError) {
    return HttpStatus.BAD_REQUEST;
  }
  if (error instanceof WebhookNotFoundError) {
    return HttpStatus.NOT_FOUND;
  }
  if (error instanceof FileStoreUnavailableError) {
    return HttpStatus.SERVICE_UNAVAILABLE;
  }
  return HttpStatus.INTERNAL_SERVER_ERROR;
}

/**
 * Maps every error of an HTTP request to `{"error":{"code","message"}}`.
 * Errors of NATS handlers pass through unchanged.
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): Observable<never> | undefined {
    if (host.getType() !== 'http') {
      // Hands the original error back to the JetStream server, which decides between retry and
      // termination from its class.
      return throwError(() => error);
    }
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { status, body } = this.describe(error);

    const fields = { method: request.method, path: request.path, status, imageId: imageIdOf(error) };
    if (status >= 500) {
      this.logger.error({ ...fields, ...errorFields(error) }, 'request failed');
    } else {
      this.logger.info({ ...fields, code: body.error.code }, 'request rejected');
    }
    if (response.headersSent) {
      // A stream already started its response, so the status can no longer change.
      response.destroy();
      return undefined;
    }
    response.status(status).json(body);
    return undefined;
  }

  private describe(error: unknown): { status: number; body: ErrorBody } {
    if (error instanceof ResultsError) {
      return { status: statusOf(error), body: { error: { code: error.code, message: error.message } } };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return { status, body: { error: { code: httpErrorCode(status), message: error.message } } };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: { code: 'internal_error', message: 'Internal server error' } },
    };
  }
}

function imageIdOf(error: unknown): string | undefined {
  return error instanceof ImageNotFoundError || error instanceof ImageFileNotFoundError || error instanceof FileStoreUnavailableError
    ? error.imageId
    : undefined;
}

function httpErrorCode(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string' ? name.toLowerCase() : 'http_error';
}
