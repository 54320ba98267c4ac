import { Controller, Req, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { endWith, ignoreElements, interval, map, merge, takeUntil, type Observable } from 'rxjs';

import { ImageStatusChanges } from './image-status-changes.js';

/** Keeps idle streams open behind proxies: an AWS ALB closes a connection idle for 60 s by default. */
export const HEARTBEAT_INTERVAL_MS = 15_000;

@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(private readonly statusChanges: ImageStatusChanges) {}

  /**
   * Streams one `image` event per committed status change, with a comment line as heartbeat.
   * Nest unsubscribes when the client disconnects, which stops both sources. The stream ends
   * when the change feed completes at shutdown.
   */
  @Sse()
  @ApiOperation({ summary: 'Stream image status changes as server-sent events' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'One `event: image` with `data: {"imageId","status"}` after each stored change on any replica, in commit order per image, ' +
      `and a comment line every ${HEARTBEAT_INTERVAL_MS / 1000} s.`,
    schema: { type: 'string' },
  })
  stream(@Req() request: Request): Observable<MessageEvent> {
    // Nest marks event streams keep-alive, so after a stream ends at shutdown its idle connection
    // would hold up the server's close until the keep-alive timeout. Closing it lets the process exit.
    request.res?.once('finish', () => request.socket.end());

    const changes = this.statusChanges.changes.pipe(
      map((change): MessageEvent => ({ type: 'image', data: { imageId: change.imageId, status: change.status } })),
    );
    const feedEnded = this.statusChanges.changes.pipe(ignoreElements(), endWith(true));
    const heartbeats = interval(HEARTBEAT_INTERVAL_MS).pipe(
      map((): MessageEvent => ({ comment: 'heartbeat' })),
      takeUntil(feedEnded),
    );
    return merge(changes, heartbeats);
  }
}
