import type pg from 'pg';

export const IMAGES = 100_000;
export const DETECTIONS = 1_000_000;
export const DAYS = 30;
const MODEL_ID = 'nanodet-g-416';

/** The 80 COCO labels in class id order; the seed makes label k roughly as common as k^-(2/3). */
export const COCO_LABELS = [
  'person', 'bicycle', 'car', 'motorcycle', 'airplane', 'bus', 'train', 'truck', 'boat', 'traffic light',
  'fire hydrant', 'stop sign', 'parking meter', 'bench', 'bird', 'cat', 'dog', 'horse', 'sheep', 'cow',
  'elephant', 'bear', 'zebra', 'giraffe', 'backpack', 'umbrella', 'handbag', 'tie', 'suitcase', 'frisbee',
  'skis', 'snowboard', 'sports ball', 'kite', 'baseball bat', 'baseball glove', 'skateboard', 'surfboard', 'tennis racket', 'bottle',
  'wine glass', 'cup', 'fork', 'knife', 'spoon', 'bowl', 'banana', 'apple', 'sandwich', 'orange',
  'broccoli', 'carrot', 'hot dog', 'pizza', 'donut', 'cake', 'chair', 'couch', 'potted plant', 'bed',
  'dining table', 'toilet', 'tv', 'laptop', 'mouse', 'remote', 'keyboard', 'cell phone', 'microwave', 'oven',
  'toaster', 'sink', 'refrigerator', 'book', 'clock', 'vase', 'scissors', 'teddy bear', 'hair drier', 'toothbrush',
];

/**
 * Seeds IMAGES images uploaded over the last DAYS days and DETECTIONS detections, in SQL, then
 * vacuums and analyzes both tables so that index-only scans and the planner see the data.
 */
export async function seedResults(client: pg.Client): Promise<void> {
  // 1 % of the images failed and have no detections. Images older than 12 days were detected
  // by model version 1.9.0, newer ones by 1.10.0.
  await client.query(`set maintenance_work_mem = '256MB'`);
  await client.query(
    `create temporary table seed_images as
     select n, gen_random_uuid() as id, now() - random() * ($1 * interval '1 day') as uploaded_at
     from generate_series(1, $2) as n`,
    [DAYS, IMAGES],
  );
  await client.query(
    `insert into images (id, status, object_key, content_type, bytes, width, height, original_name, model_id, model_version,
                         execution_provider, detector_id, failure_reason, failure_message, decode_ms, inference_ms, total_ms,
                         uploaded_at, completed_at, updated_at)
     select id, case when n % 100 = 0 then 'failed' else 'done' end,
            'images/' || to_char(uploaded_at, 'YYYY/MM/DD') || '/' || id || '.jpg', 'image/jpeg', 150000, 640, 480, 'photo.jpg',
            $1, case when uploaded_at < now() - interval '12 days' then '1.9.0' else '1.10.0' end,
            'cpu', 'detector-bench',
            case when n % 100 = 0 then 'decode_failed' end, case when n % 100 = 0 then 'the object is not a decodable image' end,
            4, 60, 70, uploaded_at, uploaded_at + interval '2 seconds', uploaded_at + interval '2 seconds'
     from seed_images`,
    [MODEL_ID],
  );
  // Each detection picks a random done image (about 10 per image) and a label skewed to the first
  // classes: floor(80 * r^3) makes person about 23 % of detections and toothbrush about 0.4 %.
  await client.query(
    `insert into detections (image_id, label, class_id, score, x1, y1, x2, y2, model_id, model_version)
     select image.id, ($3::text[])[class_id + 1], class_id, score, x1, y1, x1 + box_width, y1 + box_height, $4, image.model_version
     from (
       select case when picked % 100 = 0 then picked - 1 else picked end as image_n,
              floor(80 * power(random(), 3))::int as class_id,
              round((0.25 + 0.75 * power(random(), 1.5))::numeric, 4)::float8 as score,
              x1, y1, least(640 - x1, 8 + random() * 240) as box_width, least(480 - y1, 8 + random() * 200) as box_height
       from (
         select 1 + floor(random() * $2)::int as picked, random() * 600 as x1, random() * 440 as y1
         from generate_series(1, $1)
       ) drawn
     ) detection
     join seed_images seed on seed.n = detection.image_n
     join images image on image.id = seed.id`,
    [DETECTIONS, IMAGES, COCO_LABELS, MODEL_ID],
  );
  await client.query('vacuum analyze images');
  await client.query('vacuum analyze detections');
}
