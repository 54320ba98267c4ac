import { pipeline } from 'node:stream/promises';

import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ErrorBodyDto } from '../docs/error-body.dto.js';
import { ImageDto, ImagePageDto } from './dto/image.dto.js';
import { ApiImageFilterQuery, ApiPageQuery } from './image-filter.openapi.js';
import { ImageFilesService } from './image-files.service.js';
import type { ImageView } from './image-view.js';
import { ImagesService, type ImagePage } from './images.service.js';
import { parseListImagesQuery } from './list-images-query.js';
import { ParseImageIdPipe } from './parse-image-id.pipe.js';

@ApiTags('images')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A parameter is invalid (code invalid_parameter); the message names it.' })
@Controller('v1/images')
export class ImagesController {
  constructor(
    private readonly images: ImagesService,
    private readonly files: ImageFilesService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List images newest first',
    description:
      'Pages by (uploadedAt, id) descending, so images that arrive between two requests never repeat or shift the later pages of a listing.',
  })
  @ApiImageFilterQuery()
  @ApiPageQuery()
  @ApiOkResponse({ type: ImagePageDto })
  list(@Query() query: Record<string, unknown>): Promise<ImagePage> {
    return this.images.listImages(parseListImagesQuery(query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get one image with its current result' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ImageDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'image_not_found' })
  get(@Param('id', ParseImageIdPipe) id: string): Promise<ImageView> {
    return this.images.getImage(id);
  }

  @Get(':id/file')
  @ApiOperation({ summary: 'Download the original file' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('image/*')
  @ApiOkResponse({ description: 'The original bytes with their content type.', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'image_not_found, or image_file_not_found while the file is missing' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'file_store_unavailable' })
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

  @Get(':id/thumbnail')
  @ApiOperation({ summary: 'Download the WebP thumbnail', description: 'The upright first frame, longest side at most 320 px, rendered once by ingest.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('image/webp')
  @ApiOkResponse({ description: 'The thumbnail bytes.', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'thumbnail_not_found: unknown image, or uploaded before thumbnails existed; show fileUrl instead' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'file_store_unavailable' })
  async thumbnail(@Param('id', ParseImageIdPipe) id: string, @Res() response: Response): Promise<void> {
    const file = await this.files.openThumbnail(id);
    if (file === null) {
      // NOTE: written here because ErrorResponseFilter maps error classes it imports, and it has no thumbnail error yet.
      response.status(404).json({ error: { code: 'thumbnail_not_found', message: `Image ${id} has no thumbnail; use its fileUrl instead.` } });
      return;
    }
    response.status(200).type(file.contentType);
    if (file.bytes !== undefined) {
      response.setHeader('Content-Length', String(file.bytes));
    }
    // A thumbnail never changes under its image id.
    response.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    await pipeline(file.body, response);
  }
}
