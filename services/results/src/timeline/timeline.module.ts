import { Module } from '@nestjs/common';

import { TimelineController } from './timeline.controller.js';
import { TimelineRepository } from './timeline.repository.js';
import { TimelineService } from './timeline.service.js';

/**
 * The `GET /v1/images/:id/timeline` API. The entries are written by ImagesRepository with
 * `writeTimeline`, in the transaction that applies each event. Uses the application's TypeORM DataSource.
 */
@Module({
  controllers: [TimelineController],
  providers: [TimelineRepository, TimelineService],
})
export class TimelineModule {}
