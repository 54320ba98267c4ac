import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { NotMultipartError } from '../errors/upload-errors.js';

/**
 * Rejects a request whose body is not `multipart/form-data` before anything
 * reads it. Guards run before interceptors, so multer never reads such a body.
 */
@Injectable()
export class MultipartGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.is('multipart/form-data') !== 'multipart/form-data') {
      throw new NotMultipartError();
    }
    return true;
  }
}
