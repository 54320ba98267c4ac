import { describe, expect, it } from '@jest/globals';
import { routeRequest } from './http-routes.js';

describe('routeRequest', () => {
  it.each([
    ['POST', '/v1/images', 'ingest'],
    ['POST', '/v1/images?x=1', 'ingest'],
    ['GET', '/v1/images', 'results'],
    ['GET', '/v1/images/0b7e4f3c/file', 'results'],
    ['POST', '/v1/images/0b7e4f3c', 'results'],
    ['GET', '/v1/events', 'results'],
    ['GET', '/', 'web'],
    ['GET', '/images/0b7e4f3c', 'web'],
    ['GET', '/_next/static/chunk.js', 'web'],
    ['GET', '/v1', 'web'],
  ])('%s %s goes to %s', (method, path, upstream) => {
    expect(routeRequest(method, path)).toBe(upstream);
  });
});
