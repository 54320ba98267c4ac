import { z } from 'zod';

import { IMAGE_STATUSES } from '../images/image.entity.js';

/**
 * Core NATS subject on which every results replica announces each committed image change, so
 * that every replica's `/v1/events` stream carries the changes of all of them. It is outside the
 * JetStream streams: a replica that is down misses the notifications, as its clients do.
 */
export const IMAGE_STATUS_SUBJECT = 'results.images.status.v1';

export const imageStatusNotificationSchema = z.object({
  imageId: z.uuid(),
  status: z.enum(IMAGE_STATUSES),
  /** `updated_at` of the commit, which grows with every change of one image. */
  updatedAt: z.iso.datetime(),
});

export type ImageStatusNotification = z.infer<typeof imageStatusNotificationSchema>;
