import { ApiProperty } from '@nestjs/swagger';
import type { Box } from '@lookout/contracts';

import type { DetectionView } from '../image-view.js';

/** OpenAPI schema of a box. */
export class BoxDto implements Box {
  @ApiProperty({ description: 'Left edge in pixels of the upright original image.', example: 131.5 })
  x1!: number;

  @ApiProperty({ description: 'Top edge in pixels.', example: 219.25 })
  y1!: number;

  @ApiProperty({ description: 'Right edge in pixels.', example: 309.75 })
  x2!: number;

  @ApiProperty({ description: 'Bottom edge in pixels.', example: 541.125 })
  y2!: number;
}

/** OpenAPI schema of one detection. */
export class DetectionDto implements DetectionView {
  @ApiProperty({ example: 'dog' })
  label!: string;

  @ApiProperty({ description: "Index of the label in the model's class list, from 0.", example: 16 })
  classId!: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.875 })
  score!: number;

  @ApiProperty({ type: () => BoxDto })
  box!: BoxDto;
}
