import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { TIMELINE_EVENT_TYPES, type TimelineDetails, type TimelineEventType } from './timeline-entry.js';

/** One stored step of an image's processing. */
export interface StoredTimelineEvent {
  type: TimelineEventType;
  at: Date;
  details: TimelineDetails;
}

interface TimelineRow {
  type: TimelineEventType | null;
  at: Date | null;
  details: TimelineDetails | null;
}

/** Reads the `timeline_events` table; ImagesRepository writes it within its transactions. */
@Injectable()
export class TimelineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Returns an image's timeline in time order, steps at the same time in the order of
   * TIMELINE_EVENT_TYPES, or null when no image has the id. The outer join distinguishes an unknown
   * image from a known image without entries, in one query.
   */
  async findByImage(imageId: string): Promise<StoredTimelineEvent[] | null> {
    const rows: TimelineRow[] = await this.dataSource.query(
      `select event.type, event.at, event.details
       from images image
       left join timeline_events event on event.image_id = image.id
       where image.id = $1
       order by event.at, array_position($2::text[], event.type), event.id`,
      [imageId, TIMELINE_EVENT_TYPES],
    );
    if (rows.length === 0) {
      return null;
    }
    return rows.filter(isStored).map((row) => ({ type: row.type, at: row.at, details: row.details }));
  }
}

function isStored(row: TimelineRow): row is StoredTimelineEvent {
  return row.type !== null && row.at !== null && row.details !== null;
}
