import { CategoryConflictError } from './export-errors.js';

/** The fields of one image and its current detections that a COCO export needs. */
export interface CocoSourceImage {
  id: string;
  objectKey: string | null;
  width: number | null;
  height: number | null;
  detections: CocoSourceDetection[];
}

export interface CocoSourceDetection {
  label: string;
  classId: number;
  score: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface CocoImage {
  /** Position of the image in the export, from 1. */
  id: number;
  /** Base name of the stored original, `<image uuid>.<extension>`, or the image uuid while the upload event is missing. */
  file_name: string;
  /** Null only for an image that no event has given a size yet. */
  width: number | null;
  height: number | null;
}

export interface CocoCategory {
  /** The model's class id + 1. */
  id: number;
  name: string;
}

export interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  /** [x, y, width, height] in pixels from the top-left corner of the upright image. */
  bbox: [number, number, number, number];
  score: number;
  area: number;
}

/** COCO object-detection JSON: images, the categories they use, and one annotation per detection. */
export interface CocoResults {
  images: CocoImage[];
  categories: CocoCategory[];
  annotations: CocoAnnotation[];
}

// COCO's own annotation files give coordinates to two decimals; finer is below a pixel's noise.
function roundToHundredths(value: number): number {
  return Math.round(value * 100) / 100;
}

function fileName(image: CocoSourceImage): string {
  if (image.objectKey === null) {
    return image.id;
  }
  return image.objectKey.slice(image.objectKey.lastIndexOf('/') + 1);
}

/**
 * Converts images and their detections to COCO JSON, keeping the order of `images` and each
 * image's detections. Category ids are class id + 1, because COCO ids start at 1 and model class
 * ids at 0, and the categories are those that the exported detections use, sorted by id.
 * Throws `CategoryConflictError` when one class id has two labels.
 */
export function toCocoResults(images: CocoSourceImage[]): CocoResults {
  const categories = new Map<number, string>();
  const annotations: CocoAnnotation[] = [];
  const cocoImages = images.map((image, index): CocoImage => {
    const imageId = index + 1;
    for (const detection of image.detections) {
      const known = categories.get(detection.classId);
      if (known !== undefined && known !== detection.label) {
        throw new CategoryConflictError(detection.classId, [known, detection.label]);
      }
      categories.set(detection.classId, detection.label);

      const width = detection.x2 - detection.x1;
      const height = detection.y2 - detection.y1;
      annotations.push({
        id: annotations.length + 1,
        image_id: imageId,
        category_id: detection.classId + 1,
        bbox: [roundToHundredths(detection.x1), roundToHundredths(detection.y1), roundToHundredths(width), roundToHundredths(height)],
        score: detection.score,
        area: roundToHundredths(width * height),
      });
    }
    return { id: imageId, file_name: fileName(image), width: image.width, height: image.height };
  });

  return {
    images: cocoImages,
    categories: [...categories.entries()].sort(([a], [b]) => a - b).map(([classId, name]) => ({ id: classId + 1, name })),
    annotations,
  };
}
