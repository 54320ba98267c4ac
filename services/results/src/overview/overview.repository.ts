import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Detections of one label among the images uploaded in one bucket. */
export interface LabelBucketCount {
  bucketStart: Date;
  label: string;
  detections: number;
}

/** Images uploaded in one minute. */
export interface MinuteCount {
  minute: Date;
  images: number;
}

interface LabelBucketRow {
  bucket_start: Date;
  label: string;
  detections: number;
}

interface MinuteRow {
  minute: Date;
  images: number;
}

/** Reads the time series of the overview from the `images` and `detections` tables. */
@Injectable()
export class OverviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts the detections of each label per bucket of upload times in [from, to), counting only the
   * detections of each image's current model, as the listing and the label statistics do. Buckets
   * start at multiples of `bucketSeconds` since the Unix epoch; empty buckets are left out.
   */
  async countLabelsPerBucket(from: Date, to: Date, bucketSeconds: number): Promise<LabelBucketCount[]> {
    const rows: LabelBucketRow[] = await this.dataSource.query(
      `select to_timestamp(floor(extract(epoch from image.uploaded_at) / $3) * $3) as bucket_start, detection.label,
              count(*)::int as detections
       from images image
       join detections detection on detection.image_id = image.id and detection.model_id = image.model_id
       where image.uploaded_at >= $1 and image.uploaded_at < $2
       group by 1, 2
       order by 1, 2`,
      [from, to, bucketSeconds],
    );
    return rows.map((row) => ({ bucketStart: row.bucket_start, label: row.label, detections: row.detections }));
  }

  /** Counts the images uploaded in each minute of [from, to); minutes without uploads are left out. */
  async countUploadsPerMinute(from: Date, to: Date): Promise<MinuteCount[]> {
    const rows: MinuteRow[] = await this.dataSource.query(
      `select date_trunc('minute', uploaded_at) as minute, count(*)::int as images
       from images
       where uploaded_at >= $1 and uploaded_at < $2
       group by 1
       order by 1`,
      [from, to],
    );
    return rows.map((row) => ({ minute: row.minute, images: row.images }));
  }
}
