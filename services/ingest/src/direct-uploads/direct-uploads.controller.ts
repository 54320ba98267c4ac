import { Controller, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { QueuedImage } from '../uploads/uploads.service.js';
import { DirectUploadsService, type CreatedUpload } from './direct-uploads.service.js';
import { parseJsonDetectionOptions } from './json-detection-options.js';
import { readJsonBody } from './json-body.reader.js';

@Controller('v1/uploads')
export class DirectUploadsController {
  constructor(private readonly uploads: DirectUploadsService) {}

  /** Takes `{ fileName, contentType, bytes }` and returns a presigned PUT URL with its upload id. */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(@Req() request: Request): Promise<CreatedUpload> {
    return this.uploads.create(await readJsonBody(request));
  }

  /**
   * Checks the file PUT to the URL and queues it for detection, with the detection options of an
   * optional JSON body. Returns the body of `POST /v1/images`.
   */
  @Post(':uploadId/complete')
  @HttpCode(HttpStatus.ACCEPTED)
  async complete(@Param('uploadId') uploadId: string, @Req() request: Request): Promise<{ images: QueuedImage[] }> {
    const options = parseJsonDetectionOptions(await readJsonBody(request, { emptyValue: {} }));
    const image = await this.uploads.complete(uploadId, options);
    return { images: [image] };
  }
}
