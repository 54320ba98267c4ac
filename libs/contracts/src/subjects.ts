/**
 * Versioned NATS subjects. A change that would break an existing subscriber
 * gets a new subject (`.v2`), never an edit of an existing payload.
 */
export const SUBJECTS = {
  imageUploaded: 'images.uploaded.v1',
  /** A detector took the job of an image, once per delivery. */
  detectionsStarted: 'detections.started.v1',
  detectionsCompleted: 'detections.completed.v1',
  detectionsFailed: 'detections.failed.v1',
  /**
   * Published once per label found in an image, on `detections.found.v1.<label token>` (see
   * detectionFoundSubject), so a subscriber can let NATS filter by label.
   */
  detectionFound: 'detections.found.v1',
} as const;

export type Subject = (typeof SUBJECTS)[keyof typeof SUBJECTS];

/**
 * Core NATS subject of the detectors' heartbeats. It is outside every JetStream stream and carries
 * a plain JSON payload (detectorHeartbeatV1Schema), not a CloudEvent: a missed heartbeat is replaced
 * by the next one, so nothing needs storing.
 */
export const DETECTOR_HEARTBEAT_SUBJECT = 'detectors.heartbeat.v1';

/** JetStream streams and the subjects each one stores. */
export const STREAMS = {
  images: { name: 'IMAGES', subjects: ['images.>'] },
  detections: { name: 'DETECTIONS', subjects: ['detections.>'] },
} as const;

export type StreamName = (typeof STREAMS)[keyof typeof STREAMS]['name'];

/** Returns the stream that stores a subject. */
export function streamForSubject(subject: Subject): StreamName {
  const [prefix] = subject.split('.');
  return prefix === 'images' ? STREAMS.images.name : STREAMS.detections.name;
}

/**
 * Turns a label into one NATS subject token: lower case, and every character other than a-z,
 * 0-9, `_` and `-` becomes `_` ("traffic light" is `traffic_light`).
 */
export function labelToken(label: string): string {
  const token = label.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
  return token.length > 0 ? token : '_';
}

/** NATS subject of the detections.found.v1 event for one label. */
export function detectionFoundSubject(label: string): string {
  return `${SUBJECTS.detectionFound}.${labelToken(label)}`;
}

/**
 * Returns the contract subject a NATS subject belongs to: the subject itself for the fixed subjects,
 * `detections.found.v1` for `detections.found.v1.<label token>`, undefined for anything else.
 */
export function contractSubject(natsSubject: string): Subject | undefined {
  const fixed = Object.values(SUBJECTS) as string[];
  if (fixed.includes(natsSubject) && natsSubject !== SUBJECTS.detectionFound) {
    return natsSubject as Subject;
  }
  const prefix = `${SUBJECTS.detectionFound}.`;
  const rest = natsSubject.startsWith(prefix) ? natsSubject.slice(prefix.length) : undefined;
  return rest !== undefined && /^[a-z0-9_-]+$/.test(rest) ? SUBJECTS.detectionFound : undefined;
}
