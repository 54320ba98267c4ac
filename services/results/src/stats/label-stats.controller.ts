import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';

import { ErrorBodyDto } from '../docs/error-body.dto.js';
import { MAX_STATS_RANGE_DAYS, parseLabelStatsQuery } from './label-stats-query.js';
import { LabelStatsDto } from './label-stats.dto.js';
import { LabelStatsService, type LabelStatsView } from './label-stats.service.js';

@ApiTags('stats')
@Controller('v1/stats')
export class LabelStatsController {
  constructor(private readonly stats: LabelStatsService) {}

  @Get('labels')
  @ApiOperation({
    summary: 'Count detections and images per label over a range of upload times',
    description: "Counts the detections of each image's current result only, like the image listing.",
  })
  @ApiQuery({ name: 'from', required: true, type: String, format: 'date-time', description: 'Start of the range of upload times, inclusive (ISO 8601).' })
  @ApiQuery({
    name: 'to',
    required: true,
    type: String,
    format: 'date-time',
    description: `End of the range, exclusive; later than \`from\` by at most ${MAX_STATS_RANGE_DAYS} days.`,
  })
  @ApiQuery({ name: 'modelId', required: false, type: String, description: 'Only results of this model.' })
  @ApiOkResponse({ type: LabelStatsDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A parameter is invalid (code invalid_parameter); the message names it.' })
  labels(@Query() query: Record<string, unknown>): Promise<LabelStatsView> {
    return this.stats.countLabels(parseLabelStatsQuery(query));
  }
}
