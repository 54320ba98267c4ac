import { Body, Controller, HttpCode, HttpStatus, Post, UploadedFiles, UseGuards, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import type { DetectionOptions } from '@lookout/contracts';
import { DetectionOptionsPipe } from './detection-options.pipe.js';
import { MultipartGuard } from './multipart.guard.js';
import { UploadsService, type QueuedImage } from './uploads.service.js';

/** The fields of a file that multer's memory storage delivers and this controller reads. */
interface ReceivedFile {
  originalname: string;
  buffer: Buffer;
}

/** Multipart part name that carries the images. */
export const FILE_FIELD = 'file';

@Controller('v1/images')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  /**
   * Accepts one or more images in `file` parts and queues each for detection
   * with the detection options of the request's text fields.
   */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @UseGuards(MultipartGuard)
  @UseInterceptors(FilesInterceptor(FILE_FIELD))
  async upload(
    @UploadedFiles() files: ReceivedFile[] | undefined,
    @Body(DetectionOptionsPipe) options: DetectionOptions,
  ): Promise<{ images: QueuedImage[] }> {
    const received = (files ?? []).map((file) => ({ originalName: file.originalname, bytes: file.buffer }));
    const images = await this.uploads.upload(received, options);
    return { images };
  }
}
