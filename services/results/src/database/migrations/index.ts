import { CreateImagesAndDetections1764800000000 } from './1764800000000-create-images-and-detections.js';
import { AddImagePagesAndOptions1765000000000 } from './1765000000000-add-image-pages-and-options.js';

/** Every migration, oldest first. Listed by class so the build needs no file globs. */
export const MIGRATIONS = [CreateImagesAndDetections1764800000000, AddImagePagesAndOptions1765000000000];
