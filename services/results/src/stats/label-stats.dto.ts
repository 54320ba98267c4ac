import { ApiProperty } from '@nestjs/swagger';

import type { LabelCount } from './label-stats.repository.js';
import type { LabelStatsView } from './label-stats.service.js';

class LabelCountDto implements LabelCount {
  @ApiProperty({ example: 'dog' })
  label!: string;

  @ApiProperty({ description: 'Images with at least one detection of the label.', example: 42 })
  images!: number;

  @ApiProperty({ example: 57 })
  detections!: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.97 })
  maxScore!: number;
}

/** OpenAPI schema of `GET /v1/stats/labels`. */
export class LabelStatsDto implements LabelStatsView {
  @ApiProperty({ type: [LabelCountDto], description: 'One entry per label found, most detections first.' })
  labels!: LabelCountDto[];

  @ApiProperty({ format: 'date-time', description: 'Start of the range, inclusive.' })
  from!: string;

  @ApiProperty({ format: 'date-time', description: 'End of the range, exclusive.' })
  to!: string;
}
