import { CreateImagesAndDetections1764800000000 } from './1764800000000-create-images-and-detections.js';
import { AddImagePagesAndOptions1765000000000 } from './1765000000000-add-image-pages-and-options.js';
import { CreateWebhooks1766000000000 } from './1766000000000-create-webhooks.js';
import { AddQueryIndexes1766100000000 } from './1766100000000-add-query-indexes.js';
import { AddDetectingStatusAndTimeline1766200000000 } from './1766200000000-add-detecting-status-and-timeline.js';

/** Every migration, oldest first. Listed by class so the build needs no file globs. */
export const MIGRATIONS = [
  CreateImagesAndDetections1764800000000,
  AddImagePagesAndOptions1765000000000,
  CreateWebhooks1766000000000,
  AddQueryIndexes1766100000000,
  AddDetectingStatusAndTimeline1766200000000,
];
