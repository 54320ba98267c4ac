/**
 * Path routing shared by the local gateway and the AWS load balancer:
 * uploads (multipart and direct-to-S3) go to ingest, every other API call and
 * the API documentation to results, the rest to the dashboard.
 */
export type Upstream = 'ingest' | 'results' | 'web';

export const UPLOAD_PATH = '/v1/images';
export const API_PREFIX = '/v1/';
/** `POST` creates a direct upload; `POST <path>/<uploadId>/complete` finishes one. */
export const DIRECT_UPLOAD_PATH = '/v1/uploads';
export const DIRECT_UPLOAD_COMPLETE_SUFFIX = '/complete';

/** The results service's OpenAPI document (`/docs/openapi.json`) and Swagger UI. */
export const DOCS_PATH = '/docs';

/** Route segment of the health check every service serves, for Nest's `@Controller`. */
export const HEALTH_ROUTE = 'health';

/** Health path every service serves, which the load balancer's health checks request too. */
export const HEALTH_PATH = `/${HEALTH_ROUTE}`;

export function routeRequest(method: string, path: string): Upstream {
  const pathname = path.split('?')[0] ?? path;
  if (method.toUpperCase() === 'POST' && isIngestPath(pathname)) {
    return 'ingest';
  }
  if (pathname.startsWith(API_PREFIX) || pathname === DOCS_PATH || pathname.startsWith(`${DOCS_PATH}/`)) {
    return 'results';
  }
  return 'web';
}

/**
 * Matches the paths ingest serves for POST. A complete path is the direct upload path, a slash, any
 * characters (slashes included, as in the ALB's path pattern) and the complete suffix.
 */
function isIngestPath(pathname: string): boolean {
  if (pathname === UPLOAD_PATH || pathname === `${UPLOAD_PATH}/` || pathname === DIRECT_UPLOAD_PATH || pathname === `${DIRECT_UPLOAD_PATH}/`) {
    return true;
  }
  const prefix = `${DIRECT_UPLOAD_PATH}/`;
  return (
    pathname.length >= prefix.length + DIRECT_UPLOAD_COMPLETE_SUFFIX.length &&
    pathname.startsWith(prefix) &&
    pathname.endsWith(DIRECT_UPLOAD_COMPLETE_SUFFIX)
  );
}
