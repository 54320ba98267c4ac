/**
 * Versioned NATS subjects. A change that would break an existing subscriber
 * gets a new subject (`.v2`), never an edit of an existing payload.
 */
export const SUBJECTS = {
  imageUploaded: 'images.uploaded.v1',
  detectionsCompleted: 'detections.completed.v1',
  detectionsFailed: 'detections.failed.v1',
} as const;

export type Subject = (typeof SUBJECTS)[keyof typeof SUBJECTS];

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
