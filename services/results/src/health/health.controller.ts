import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { HEALTH_ROUTE } from '@lookout/contracts';
import type { Response } from 'express';

import { HealthService } from './health.service.js';

@Controller(HEALTH_ROUTE)
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Returns 200 `{"status":"ok"}` while PostgreSQL responds to a query, and 503 otherwise. */
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<{ status: 'ok' | 'unavailable' }> {
    if (await this.health.isHealthy()) {
      return { status: 'ok' };
    }
    response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: 'unavailable' };
  }
}
