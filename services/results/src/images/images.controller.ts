import { pipeline } from 'node:stream/promises';

import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';

import { ImageFilesService } from './image-files.service.js';
import type { ImageView } from './image-view.js';
import { ImagesService, type ImagePage } from './images.service.js';
import { parseListImagesQuery } from './list-images-query.js';
import { ParseImageIdPipe } from './parse-image-id.pipe.js';

@Controller('v1/images')
export class ImagesController {
  constructor(
    private readonly images: ImagesService,
    private readonly files: ImageFilesService,
  ) {}

  @Get()
  list(@Query() query: Record<string, unknown>): Promise<ImagePage> {
    return this.images.listImages(parseListImagesQuery(query));
  }

  @Get(':id')
  get(@Param('id', ParseImageIdPipe) id: string): Promise<ImageView> {
    return this.images.getImage(id);
  }

  @Get(':id/file')
  async file(@Param('id', ParseImageIdPipe) id: string, @Res() response: Response): Promise<void> {
    const file = await this.files.openOriginal(id);
    response.status(200).type(file.contentType);
    if (file.bytes !== undefined) {
      response.setHeader('Content-Length', String(file.bytes));
    }
    // An original never changes under its image id.
    response.setHeader('Cache-Control', 'private, max-age=86400, immutable');
    await pipeline(file.body, response);
  }
}
