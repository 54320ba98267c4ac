import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { LabelStatsQuery } from './label-stats-query.js';

/** Counts of one label over the images of a time range. */
export interface LabelCount {
  label: string;
  /** Images with at least one detection of the label. */
  images: number;
  detections: number;
  maxScore: number;
}

interface LabelCountRow {
  label: string;
  images: number;
  detections: number;
  max_score: number;
}

/** Reads per-label aggregates from the `images` and `detections` tables. */
@Injectable()
export class LabelStatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts each label's detections and images over the images uploaded in [from, to), counting
   * only the detections of each image's current model, as the listing does. Most detections first.
   * NOTE: reads every detection of the range, about 0.3 s for the 230 000 of a week in
   * bench/results-queries.bench.ts. Long ranges at that rate need a daily rollup table.
   */
  async countLabels(query: LabelStatsQuery): Promise<LabelCount[]> {
    const parameters: unknown[] = [query.from, query.to];
    let modelCondition = '';
    if (query.modelId !== undefined) {
      parameters.push(query.modelId);
      modelCondition = 'and image.model_id = $3';
    }
    // Grouping by (label, image) first gives the image count per label as a plain count,
    // which hashes where count(distinct image_id) would have to sort.
    const rows: LabelCountRow[] = await this.dataSource.query(
      `select label, count(*)::int as images, sum(detections)::int as detections, max(max_score) as max_score
       from (
         select detection.label, detection.image_id, count(*) as detections, max(detection.score) as max_score
         from images image
         join detections detection on detection.image_id = image.id and detection.model_id = image.model_id
         where image.uploaded_at >= $1 and image.uploaded_at < $2 ${modelCondition}
         group by detection.label, detection.image_id
       ) per_image
       group by label
       order by detections desc, label`,
      parameters,
    );
    return rows.map((row) => ({ label: row.label, images: row.images, detections: row.detections, maxScore: row.max_score }));
  }
}
