import { ApiProperty } from '@nestjs/swagger';

import type { CocoAnnotation, CocoCategory, CocoImage, CocoResults } from './coco-format.js';

class CocoImageDto implements CocoImage {
  @ApiProperty({ description: 'Position of the image in the export, from 1.', example: 1 })
  id!: number;

  @ApiProperty({ description: 'Base name of the stored original: `<image uuid>.<extension>`.', example: '5b1d0c8e-3c55-4d5e-9a64-1e2f3a4b5c6d.jpg' })
  file_name!: string;

  @ApiProperty({ type: Number, nullable: true, example: 768 })
  width!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 576 })
  height!: number | null;
}

class CocoCategoryDto implements CocoCategory {
  @ApiProperty({ description: "The model's class id + 1.", example: 17 })
  id!: number;

  @ApiProperty({ example: 'dog' })
  name!: string;
}

class CocoAnnotationDto implements CocoAnnotation {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 1 })
  image_id!: number;

  @ApiProperty({ example: 17 })
  category_id!: number;

  @ApiProperty({
    type: [Number],
    minItems: 4,
    maxItems: 4,
    description: '[x, y, width, height] in pixels: x1, y1, x2 - x1, y2 - y1 of the detection box, to two decimals.',
    example: [131.5, 219.25, 178.25, 321.88],
  })
  bbox!: [number, number, number, number];

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.875 })
  score!: number;

  @ApiProperty({ description: 'Box width times height in square pixels, to two decimals.', example: 57374.22 })
  area!: number;
}

/** OpenAPI schema of a COCO export. */
export class CocoResultsDto implements CocoResults {
  @ApiProperty({ type: [CocoImageDto] })
  images!: CocoImageDto[];

  @ApiProperty({ type: [CocoCategoryDto], description: 'The categories that the annotations use, sorted by id.' })
  categories!: CocoCategoryDto[];

  @ApiProperty({ type: [CocoAnnotationDto] })
  annotations!: CocoAnnotationDto[];
}
