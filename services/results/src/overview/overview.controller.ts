import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';

import { ErrorBodyDto } from '../docs/error-body.dto.js';
import { MAX_STATS_RANGE_DAYS } from '../stats/label-stats-query.js';
import { parseOverviewQuery } from './overview-query.js';
import { OverviewDto } from './overview.dto.js';
import { OverviewService, type OverviewView } from './overview.service.js';

@ApiTags('stats')
@Controller('v1/stats')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get('overview')
  @ApiOperation({
    summary: 'Summarise detections over time, the upload rate, the detection queue and the running detectors',
    description: 'Counts the detections of each image\'s current result only, like the label statistics.',
  })
  @ApiQuery({ name: 'from', required: false, type: String, format: 'date-time', description: 'Start of the range of upload times, inclusive; 24 hours before `to` by default.' })
  @ApiQuery({
    name: 'to',
    required: false,
    type: String,
    format: 'date-time',
    description: `End of the range, exclusive; now by default, and later than \`from\` by at most ${MAX_STATS_RANGE_DAYS} days.`,
  })
  @ApiOkResponse({ type: OverviewDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A parameter is invalid (code invalid_parameter); the message names it.' })
  get(@Query() query: Record<string, unknown>): Promise<OverviewView> {
    const now = new Date();
    return this.overview.getOverview(parseOverviewQuery(query, now), now);
  }
}
