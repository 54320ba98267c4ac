import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { HEALTH_ROUTE } from '@lookout/contracts';
import type { Response } from 'express';
import { HealthService, type HealthReport } from './health.service.js';

@Controller(HEALTH_ROUTE)
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Returns 200 when NATS and the bucket are reachable, 503 otherwise. */
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.health.check();
    response.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
