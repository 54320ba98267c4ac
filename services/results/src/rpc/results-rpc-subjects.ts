/**
 * Core NATS request/reply subjects on which the results service replies. Requests and replies are
 * JSON. A reply is the same JSON as the matching HTTP response body, or `{"error":{"code","message"}}`.
 */
export const RESULTS_RPC_SUBJECTS = {
  /** Request `{ "id" }`; reply as `GET /v1/images/:id`. */
  getImage: 'results.images.get.v1',
  /** Request: the query parameters of `GET /v1/images` as one object; reply as that route. */
  listImages: 'results.images.list.v1',
  /** Request `{ "from", "to", "modelId"? }`; reply as `GET /v1/stats/labels`. */
  labelStats: 'results.labels.stats.v1',
} as const;

/** Queue group of the responders, so each request reaches one replica. */
export const RESULTS_RPC_QUEUE = 'results';
