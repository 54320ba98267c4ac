import type { EntityManager } from 'typeorm';

import type { TimelineWrite } from './timeline-entry.js';

/**
 * Inserts timeline entries with the EntityManager of the transaction that applies their event, so
 * an entry commits together with the status change it describes. `storedAt`, when given, adds the
 * `stored` entry. An entry whose event id is already stored is skipped, so a redelivery adds nothing.
 */
export async function writeTimeline(manager: EntityManager, imageId: string, timeline: TimelineWrite, storedAt?: Date): Promise<void> {
  const rows = timeline.entries.map((entry) => [entry.imageId, entry.type, entry.at, JSON.stringify(entry.details), entry.eventId]);
  if (storedAt !== undefined && timeline.storedEventId !== undefined) {
    rows.push([imageId, 'stored', storedAt, '{}', timeline.storedEventId]);
  }
  for (const row of rows) {
    await manager.query(
      `insert into timeline_events (image_id, type, at, details, event_id) values ($1, $2, $3, $4::jsonb, $5)
       on conflict (event_id) do nothing`,
      row,
    );
  }
}
