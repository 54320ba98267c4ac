/** A non-2xx response from the API, carrying the `{"error":{"code","message"}}` body when present. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request never got an HTTP response (offline, gateway down, connection reset). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NetworkError';
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown };
}

/** Builds an ApiError from a failed response, falling back to the status text when the body is not the API's error JSON. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: ErrorBody | undefined;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    body = undefined;
  }

  const code = typeof body?.error?.code === 'string' ? body.error.code : `http_${response.status}`;
  const message =
    typeof body?.error?.message === 'string' ? body.error.message : `${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, code, message);
}
