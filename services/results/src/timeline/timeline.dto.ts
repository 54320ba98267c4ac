import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { TIMELINE_EVENT_TYPES, type TimelineEventType } from './timeline-entry.js';
import type { TimelineView } from './timeline.service.js';

class TimelineEventDto {
  @ApiProperty({
    enum: TIMELINE_EVENT_TYPES,
    description:
      'uploaded: ingest accepted the image. started: a detector took the job (attempt 1). retried: a later delivery started (attempt n). ' +
      'completed: the detector finished, with its timings. failed: the detector gave up, with the reason. stored: results committed the result.',
  })
  type!: TimelineEventType;

  @ApiProperty({ format: 'date-time', description: 'When the step happened, by the clock of the process that took it.' })
  at!: string;

  @ApiPropertyOptional({ example: 'detector-7f9c' })
  detectorId?: string;

  @ApiPropertyOptional({ description: 'JetStream delivery count of the job, on started and retried.', example: 1 })
  attempt?: number;

  @ApiPropertyOptional({ example: 'cuda' })
  executionProvider?: string;

  @ApiPropertyOptional({ example: 4.5 })
  decodeMs?: number;

  @ApiPropertyOptional({ example: 61.25 })
  inferenceMs?: number;

  @ApiPropertyOptional({ example: 70.125 })
  totalMs?: number;

  @ApiPropertyOptional({ example: 'decode_failed' })
  reason?: string;

  @ApiPropertyOptional({ example: 'the object is not a decodable image' })
  message?: string;
}

/** OpenAPI schema of `GET /v1/images/:id/timeline`. */
export class TimelineDto implements TimelineView {
  @ApiProperty({ type: [TimelineEventDto], description: 'Steps in time order; steps at the same time in the order of the type list.' })
  events!: TimelineEventDto[];
}
