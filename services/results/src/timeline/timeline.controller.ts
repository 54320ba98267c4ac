import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';

import { ErrorBodyDto } from '../docs/error-body.dto.js';
import { ParseImageIdPipe } from '../images/parse-image-id.pipe.js';
import { TimelineDto } from './timeline.dto.js';
import { TimelineService, type TimelineView } from './timeline.service.js';

@ApiTags('images')
@Controller('v1/images')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get(':id/timeline')
  @ApiOperation({ summary: "List the steps of an image's processing in time order" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TimelineDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'The id is not a UUID (code invalid_parameter).' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'image_not_found' })
  get(@Param('id', ParseImageIdPipe) id: string): Promise<TimelineView> {
    return this.timeline.getTimeline(id);
  }
}
