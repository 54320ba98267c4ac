import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ErrorBodyDto } from '../docs/error-body.dto.js';
import { ApiImageFilterQuery } from '../images/image-filter.openapi.js';
import { ParseImageIdPipe } from '../images/parse-image-id.pipe.js';
import { parseCocoExportQuery } from './coco-export-query.js';
import { CocoExportService, MAX_EXPORT_IMAGES } from './coco-export.service.js';
import type { CocoResults } from './coco-format.js';
import { CocoResultsDto } from './coco.dto.js';
import { ExportErrorFilter } from './export-error.filter.js';

const COCO_DESCRIPTION =
  'COCO object-detection JSON. Category ids are the model class id + 1 (COCO ids start at 1), so for an 80-class ' +
  'COCO model they run from 1 to 80 and differ from the 91-id numbering of the COCO 2017 annotation files. ' +
  'The categories are those that the exported detections use. Boxes are [x, y, width, height] in pixels.';

/** Sends the body as a download. The names built here hold only ASCII letters, digits, `-` and `.`, so quotes suffice. */
function attach(response: Response, fileName: string): void {
  response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
}

@ApiTags('exports')
@UseFilters(ExportErrorFilter)
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'A parameter is invalid (code invalid_parameter); the message names it.' })
@Controller('v1')
export class CocoExportController {
  constructor(private readonly exports: CocoExportService) {}

  @Get('images/:id/coco')
  @ApiOperation({ summary: "Export one image's current result as COCO JSON", description: COCO_DESCRIPTION })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CocoResultsDto, description: 'Sent as a download named lookout-<id>.coco.json.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'image_not_found' })
  async image(@Param('id', ParseImageIdPipe) id: string, @Res({ passthrough: true }) response: Response): Promise<CocoResults> {
    const coco = await this.exports.exportImage(id);
    attach(response, `lookout-${id}.coco.json`);
    return coco;
  }

  @Get('exports/coco')
  @ApiOperation({
    summary: 'Export the results of many images as COCO JSON',
    description:
      `${COCO_DESCRIPTION} Takes the filters of GET /v1/images and exports every matching image with a result, newest first, ` +
      `with all detections of its current result. More than ${MAX_EXPORT_IMAGES} matching images is an error (code export_too_large).`,
  })
  @ApiImageFilterQuery()
  @ApiOkResponse({ type: CocoResultsDto, description: 'Sent as a download named lookout-export-<time>.coco.json.' })
  async images(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response): Promise<CocoResults> {
    const coco = await this.exports.exportImages(parseCocoExportQuery(query));
    attach(response, `lookout-export-${fileTime(new Date())}.coco.json`);
    return coco;
  }
}

/** Formats a time as 20251204T100000Z, which is safe in a file name. */
function fileTime(time: Date): string {
  return time.toISOString().replace(/\.\d{3}/, '').replaceAll('-', '').replaceAll(':', '');
}
