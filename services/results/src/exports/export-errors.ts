import { ResultsError } from '../errors/results-errors.js';

/** The filters of an export match more images than one export may contain. */
export class ExportTooLargeError extends ResultsError {
  readonly code = 'export_too_large';

  constructor(readonly maxImages: number) {
    super(`The filters match more than ${maxImages} images, the most one export contains. Narrow them, for example with from and to.`);
    this.name = 'ExportTooLargeError';
  }
}

/** Two exported detections share a class id but not a label, so one COCO category cannot name both. */
export class CategoryConflictError extends ResultsError {
  readonly code = 'category_conflict';

  constructor(
    readonly classId: number,
    readonly labels: [string, string],
  ) {
    super(
      `Class id ${classId} is "${labels[0]}" in one exported result and "${labels[1]}" in another, ` +
        'so the images come from models with different class lists. Export one model at a time with modelId.',
    );
    this.name = 'CategoryConflictError';
  }
}
