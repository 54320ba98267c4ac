import { ApiProperty } from '@nestjs/swagger';

import type { OverviewView } from './overview.service.js';

class LabelBucketDto {
  @ApiProperty({ format: 'date-time' })
  bucketStart!: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Detections per label; labels without any are left out.', example: { dog: 12, person: 3 } })
  counts!: Record<string, number>;
}

class MinuteCountDto {
  @ApiProperty({ format: 'date-time' })
  minute!: string;

  @ApiProperty({ description: 'Images uploaded in this minute.', example: 7 })
  count!: number;
}

class QueueDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Jobs no detector has taken yet; null while no detector consumer exists.', example: 4 })
  pending!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Jobs taken and not yet finished; null while no detector consumer exists.', example: 2 })
  inFlight!: number | null;
}

class ModelRefDto {
  @ApiProperty({ example: 'nanodet-g-416' })
  id!: string;

  @ApiProperty({ example: '2025.1' })
  version!: string;
}

class RunningDetectorDto {
  @ApiProperty({ example: 'detector-7f9c' })
  detectorId!: string;

  @ApiProperty({ example: 'cuda' })
  executionProvider!: string;

  @ApiProperty({ type: () => ModelRefDto })
  model!: ModelRefDto;

  @ApiProperty({ format: 'date-time', description: 'When this results replica last received the detector heartbeat.' })
  lastSeenAt!: string;
}

/** OpenAPI schema of `GET /v1/stats/overview`. */
export class OverviewDto implements OverviewView {
  @ApiProperty({ format: 'date-time', description: 'Start of the range of upload times, inclusive.' })
  from!: string;

  @ApiProperty({ format: 'date-time', description: 'End of the range, exclusive.' })
  to!: string;

  @ApiProperty({ description: 'Length of each labelsOverTime bucket, chosen so that at most 48 bucket lengths span the range.', example: 1800 })
  bucketSeconds!: number;

  @ApiProperty({
    type: [LabelBucketDto],
    description: "Every bucket of the range, oldest first. Buckets start at multiples of bucketSeconds since the Unix epoch; each counts the detections of the current results of the images uploaded in it.",
  })
  labelsOverTime!: LabelBucketDto[];

  @ApiProperty({ type: [MinuteCountDto], description: 'The last 60 minutes, oldest first, ending with the current minute.' })
  imagesPerMinute!: MinuteCountDto[];

  @ApiProperty({ type: () => QueueDto, description: 'The detector consumer of the IMAGES stream.' })
  queue!: QueueDto;

  @ApiProperty({ type: [RunningDetectorDto], description: 'Detectors heard from in the last 30 seconds, by id.' })
  detectors!: RunningDetectorDto[];
}
