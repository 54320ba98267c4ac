import { encodePng } from './png-encoder.js';

// The shapes follow the results API (GET /v1/images/:id). The values are fixed, so the test can
// compute where every box must appear.
export const FIXTURE_IMAGE_ID = '6f1c2b7e-3d4a-4e5f-9a0b-1c2d3e4f5a6b';
export const FIXTURE_WIDTH = 800;
export const FIXTURE_HEIGHT = 500;

export const FIXTURE_DETECTIONS = [
  { label: 'dog', classId: 16, score: 0.8712, box: { x1: 120, y1: 180, x2: 360, y2: 460 } },
  { label: 'bicycle', classId: 1, score: 0.6449, box: { x1: 400, y1: 60, x2: 760, y2: 300 } },
  // Close to the top edge, so its label tag has to go inside the box.
  { label: 'person', classId: 0, score: 0.9051, box: { x1: 20, y1: 8, x2: 110, y2: 200 } },
];

/** A real PNG whose coloured regions lie exactly under the fixture boxes. */
export const FIXTURE_PNG = encodePng(FIXTURE_WIDTH, FIXTURE_HEIGHT, [
  { ...FIXTURE_DETECTIONS[0]!.box, rgb: [214, 140, 60] },
  { ...FIXTURE_DETECTIONS[1]!.box, rgb: [70, 150, 210] },
  { ...FIXTURE_DETECTIONS[2]!.box, rgb: [120, 190, 90] },
]);

const fileUrl = `/v1/images/${FIXTURE_IMAGE_ID}/file`;

export const QUEUED_RECORD = {
  id: FIXTURE_IMAGE_ID,
  status: 'queued',
  width: null,
  height: null,
  detections: [],
  model: null,
  executionProvider: null,
  timings: null,
  uploadedAt: '2025-03-14T09:26:53.000Z',
  completedAt: null,
  failure: null,
  originalName: 'street.png',
  fileUrl,
};

export const DONE_RECORD = {
  ...QUEUED_RECORD,
  status: 'done',
  width: FIXTURE_WIDTH,
  height: FIXTURE_HEIGHT,
  detections: FIXTURE_DETECTIONS,
  model: { id: 'nanodet-g-416', version: '1.0.0' },
  executionProvider: 'cpu',
  timings: { decodeMs: 4.2, inferenceMs: 38.5, totalMs: 45.1 },
  completedAt: '2025-03-14T09:26:54.250Z',
};
