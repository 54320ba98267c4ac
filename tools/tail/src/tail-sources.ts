import { detectionFoundSubject, STREAMS, SUBJECTS } from '@lookout/contracts';

import type { TailOptions } from './tail-options.js';

/** One stream and subject filter the tail reads through its own ordered consumer. */
export interface TailSource {
  stream: string;
  filterSubject: string;
}

/**
 * Returns what the tail reads. nats-server 2.9 accepts one filter subject per consumer, so a single
 * label is filtered by the server, several labels by the tail itself, and --all-subjects adds a
 * consumer on the IMAGES stream.
 */
export function tailSources(options: Pick<TailOptions, 'labels' | 'allSubjects'>): TailSource[] {
  if (options.allSubjects) {
    return [
      { stream: STREAMS.images.name, filterSubject: SUBJECTS.imageUploaded },
      { stream: STREAMS.detections.name, filterSubject: 'detections.>' },
    ];
  }
  const [onlyLabel] = options.labels;
  const filterSubject = options.labels.length === 1 && onlyLabel !== undefined ? detectionFoundSubject(onlyLabel) : `${SUBJECTS.detectionFound}.*`;
  return [{ stream: STREAMS.detections.name, filterSubject }];
}
