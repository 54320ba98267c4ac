import { Controller, Get, Header } from '@nestjs/common';
import { Registry } from 'prom-client';
import { DetectorMetrics } from './detector-metrics.js';

/** Route of the Prometheus scrape endpoint on the detector's HTTP port. */
export const METRICS_ROUTE = 'metrics';

@Controller(METRICS_ROUTE)
export class MetricsController {
  constructor(private readonly metrics: DetectorMetrics) {}

  /** Returns every detector metric in the Prometheus text format (version 0.0.4). */
  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
