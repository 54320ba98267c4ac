/**
 * Path routing shared by the local gateway and the AWS load balancer:
 * uploads go to ingest, every other API call to results, the rest to the dashboard.
 */
export type Upstream = 'ingest' | 'results' | 'web';

export const UPLOAD_PATH = '/v1/images';
export const API_PREFIX = '/v1/';

/** Route segment of the health check every service serves, for Nest's `@Controller`. */
export const HEALTH_ROUTE = 'health';

/** Health path every service answers on; load balancer health checks use it too. */
export const HEALTH_PATH = `/${HEALTH_ROUTE}`;

export function routeRequest(method: string, path: string): Upstream {
  const pathname = path.split('?')[0] ?? path;
  if (method.toUpperCase() === 'POST' && (pathname === UPLOAD_PATH || pathname === `${UPLOAD_PATH}/`)) {
    return 'ingest';
  }
  if (pathname.startsWith(API_PREFIX)) {
    return 'results';
  }
  return 'web';
}
