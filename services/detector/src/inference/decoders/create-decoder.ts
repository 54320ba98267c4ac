import type { ModelManifest } from '../../model/model-manifest.js';
import type { DetectionDecoder } from './detection-decoder.js';
import { End2endDecoder } from './end2end.decoder.js';
import { NanodetDecoder } from './nanodet.decoder.js';
import { SsdDecoder } from './ssd.decoder.js';
import { Yolov8Decoder } from './yolov8.decoder.js';

/** Returns the decoder of the manifest's model family. */
export function createDecoder(manifest: ModelManifest): DetectionDecoder {
  switch (manifest.family) {
    case 'nanodet':
      return new NanodetDecoder(manifest);
    case 'yolov8':
      return new Yolov8Decoder(manifest);
    case 'end2end':
      return new End2endDecoder(manifest);
    case 'ssd':
      return new SsdDecoder(manifest);
  }
}
