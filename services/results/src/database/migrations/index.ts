import { CreateImagesAndDetections1764800000000 } from './1764800000000-create-images-and-detections.js';

/** Every migration, oldest first. Listed by class so the build needs no file globs. */
export const MIGRATIONS = [CreateImagesAndDetections1764800000000];
