import { Injectable } from '@nestjs/common';

import type { LabelStatsQuery } from './label-stats-query.js';
import { LabelStatsRepository, type LabelCount } from './label-stats.repository.js';

/** JSON body of `GET /v1/stats/labels` and of the `results.labels.stats.v1` reply. */
export interface LabelStatsView {
  labels: LabelCount[];
  /** The range counted, in ISO 8601 UTC: `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
}

@Injectable()
export class LabelStatsService {
  constructor(private readonly repository: LabelStatsRepository) {}

  /** Counts the detections and images of each label over a range of upload times. */
  async countLabels(query: LabelStatsQuery): Promise<LabelStatsView> {
    const labels = await this.repository.countLabels(query);
    return { labels, from: query.from.toISOString(), to: query.to.toISOString() };
  }
}
