import { Catch, HttpStatus, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';

import type { ErrorBody } from '../errors/error-response.filter.js';
import { LOGGER, type Logger } from '../logging/logger.provider.js';
import { CategoryConflictError, ExportTooLargeError } from './export-errors.js';

/**
 * Maps the export errors to 400 with the usual `{"error":{"code","message"}}` body. Bound to
 * the export controller, so it runs before the global filter, which would map them to 500.
 */
@Catch(ExportTooLargeError, CategoryConflictError)
export class ExportErrorFilter implements ExceptionFilter<ExportTooLargeError | CategoryConflictError> {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: ExportTooLargeError | CategoryConflictError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const body: ErrorBody = { error: { code: error.code, message: error.message } };

    this.logger.info({ method: request.method, path: request.path, status: HttpStatus.BAD_REQUEST, code: error.code }, 'request rejected');
    http.getResponse<Response>().status(HttpStatus.BAD_REQUEST).json(body);
  }
}
