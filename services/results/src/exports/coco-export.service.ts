import { Injectable } from '@nestjs/common';

import { ImageNotFoundError } from '../errors/results-errors.js';
import type { ImageCursor } from '../images/image-cursor.js';
import type { ImageFilter } from '../images/image-filter.js';
import { ImagesRepository, type ImageWithDetections } from '../images/images.repository.js';
import { toCocoResults, type CocoResults, type CocoSourceImage } from './coco-format.js';
import { ExportTooLargeError } from './export-errors.js';

/** Most images one export contains; a larger match is rejected rather than cut short. */
export const MAX_EXPORT_IMAGES = 10_000;
/** Images read per query while an export is built. */
const EXPORT_BATCH_SIZE = 1_000;

/** Builds COCO JSON from stored results. */
@Injectable()
export class CocoExportService {
  constructor(private readonly repository: ImagesRepository) {}

  /** Exports one image with its current detections; throws `ImageNotFoundError`. */
  async exportImage(id: string): Promise<CocoResults> {
    const found = await this.repository.findById(id);
    if (found === null) {
      throw new ImageNotFoundError(id);
    }
    return toCocoResults([toSource(found)]);
  }

  /**
   * Exports the images that match the filter, newest first, with their current detections.
   * Throws `ExportTooLargeError` when more than MAX_EXPORT_IMAGES match.
   */
  async exportImages(filter: ImageFilter): Promise<CocoResults> {
    // Counting first rejects a large match without loading its detections.
    if ((await this.repository.countMatching(filter, MAX_EXPORT_IMAGES + 1)) > MAX_EXPORT_IMAGES) {
      throw new ExportTooLargeError(MAX_EXPORT_IMAGES);
    }

    const rows: ImageWithDetections[] = [];
    let cursor: ImageCursor | undefined;
    for (;;) {
      const page = await this.repository.findPage({ ...filter, cursor, take: EXPORT_BATCH_SIZE });
      rows.push(...page);
      // Late events can add matching images between the count and the pages.
      if (rows.length > MAX_EXPORT_IMAGES) {
        throw new ExportTooLargeError(MAX_EXPORT_IMAGES);
      }
      const last = page.at(-1);
      if (page.length < EXPORT_BATCH_SIZE || last === undefined) {
        break;
      }
      cursor = { uploadedAt: last.image.uploadedAt, id: last.image.id };
    }
    return toCocoResults(rows.map(toSource));
  }
}

function toSource({ image, detections }: ImageWithDetections): CocoSourceImage {
  return { id: image.id, objectKey: image.objectKey, width: image.width, height: image.height, detections };
}
