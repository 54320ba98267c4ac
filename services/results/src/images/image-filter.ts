import type { ImageStatus } from './image.entity.js';
import { scoreParameter, statusParameter, textParameter, timeParameter } from './query-parameters.js';

/** Selection of images for a listing, an export or a NATS list request. Every field is optional. */
export interface ImageFilter {
  /** Only images whose current result has a detection of this label. */
  label?: string;
  /** Only images whose current result has a detection scoring at least this much (0..1), of `label` when given. */
  minScore?: number;
  /** Only images uploaded at or after this time. */
  from?: Date;
  /** Only images uploaded before this time. */
  to?: Date;
  /** Only images whose current result came from this model. */
  modelId?: string;
  /** Only images whose current result came from this model version. */
  modelVersion?: string;
  status?: ImageStatus;
}

/** Schemas of the `ImageFilter` parameters, shared by every endpoint that accepts them. */
export const imageFilterParameters = {
  label: textParameter().optional(),
  minScore: scoreParameter.optional(),
  from: timeParameter.optional(),
  to: timeParameter.optional(),
  modelId: textParameter(200).optional(),
  modelVersion: textParameter().optional(),
  status: statusParameter.optional(),
};
