import { ApiProperty } from '@nestjs/swagger';

class ErrorDetailDto {
  @ApiProperty({ description: 'Machine-readable code, such as invalid_parameter or image_not_found.', example: 'invalid_parameter' })
  code!: string;

  @ApiProperty({ example: 'Invalid parameter minScore: must be a number from 0 to 1' })
  message!: string;
}

/** OpenAPI schema of every error response: `{"error":{"code","message"}}`. */
export class ErrorBodyDto {
  @ApiProperty({ type: () => ErrorDetailDto })
  error!: ErrorDetailDto;
}
