import { SUBJECTS, type Subject } from '@lookout/contracts';

/** A process that publishes a subject. */
export interface Producer {
  service: string;
  summary: string;
}

/** A reader of a subject, with the durable JetStream consumer it reads through when it has one. */
export interface Consumer {
  service: string;
  durable?: string;
  summary: string;
}

export interface SubjectRoles {
  producers: readonly Producer[];
  consumers: readonly Consumer[];
  /** Name of the placeholder for the last subject token when one subject carries one event per value. */
  parameter?: 'label';
}

/**
 * Producers and consumers of each subject. The contracts do not record them, so they are kept here.
 * NOTE: kept by hand from the services' publishers and consumer bindings, so check it when they change.
 */
export const SUBJECT_ROLES: { readonly [S in Subject]: SubjectRoles } = {
  [SUBJECTS.imageUploaded]: {
    producers: [{ service: 'ingest', summary: 'Publishes one event per accepted upload, after the original is stored in S3.' }],
    consumers: [
      {
        service: 'detector',
        durable: 'detector',
        summary: 'Runs the detection job. Every replica shares the durable, so each image goes to one replica.',
      },
      { service: 'results', durable: 'results-images', summary: 'Records the image in PostgreSQL.' },
    ],
  },
  [SUBJECTS.detectionsStarted]: {
    producers: [
      {
        service: 'detector',
        summary: 'Publishes when a detector takes a job, before it reads the image, once per delivery; `attempt` above 1 marks a retry.',
      },
    ],
    consumers: [{ service: 'results', durable: 'results-started', summary: 'Marks the image as detecting and adds the start to its timeline.' }],
  },
  [SUBJECTS.detectionsCompleted]: {
    producers: [{ service: 'detector', summary: 'Publishes the boxes found in one image.' }],
    consumers: [{ service: 'results', durable: 'results-completed', summary: 'Stores the detections in PostgreSQL.' }],
  },
  [SUBJECTS.detectionsFailed]: {
    producers: [
      {
        service: 'detector',
        summary: 'Publishes when a job can never succeed, or with reason `delivery_exhausted` when it failed on every delivery.',
      },
    ],
    consumers: [{ service: 'results', durable: 'results-failed', summary: 'Marks the image as failed in PostgreSQL.' }],
  },
  [SUBJECTS.detectionFound]: {
    producers: [{ service: 'detector', summary: 'Publishes one event per label found in an image.' }],
    consumers: [
      {
        service: 'any subscriber',
        summary: 'Reads one label, several, or all of them through a consumer on the DETECTIONS stream filtered by subject.',
      },
    ],
    parameter: 'label',
  },
};
