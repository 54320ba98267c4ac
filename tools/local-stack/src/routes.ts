/**
 * Path routing shared by the local gateway and the AWS load balancer:
 * uploads go to ingest, every other API call to results, the rest to the dashboard.
 */
export type Upstream = 'ingest' | 'results' | 'web';

export const UPLOAD_PATH = '/v1/images';
export const API_PREFIX = '/v1/';

/** Health path every service answers on. */
export const HEALTH_PATH = '/health';

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
