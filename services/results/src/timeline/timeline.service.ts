import { Injectable } from '@nestjs/common';

import { ImageNotFoundError } from '../errors/results-errors.js';
import type { TimelineDetails, TimelineEventType } from './timeline-entry.js';
import { TimelineRepository } from './timeline.repository.js';

/** One step in `GET /v1/images/:id/timeline`: its type, its time in ISO 8601 UTC and the facts it carries. */
export type TimelineEventView = { type: TimelineEventType; at: string } & TimelineDetails;

/** JSON body of `GET /v1/images/:id/timeline`. */
export interface TimelineView {
  events: TimelineEventView[];
}

@Injectable()
export class TimelineService {
  constructor(private readonly repository: TimelineRepository) {}

  /** Returns the steps of an image's processing in time order; throws `ImageNotFoundError`. */
  async getTimeline(imageId: string): Promise<TimelineView> {
    const events = await this.repository.findByImage(imageId);
    if (events === null) {
      throw new ImageNotFoundError(imageId);
    }
    return { events: events.map((event) => ({ type: event.type, at: event.at.toISOString(), ...event.details })) };
  }
}
