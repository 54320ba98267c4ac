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
    ['POST', '/v1/uploads', 'ingest'],
    ['POST', '/v1/uploads/', 'ingest'],
    ['POST', '/v1/uploads/eyJpbWFnZUlkIjoiMCJ9.c2ln/complete', 'ingest'],
    ['POST', '/v1/uploads/a/b/complete', 'ingest'],
    ['POST', '/v1/uploads/complete', 'results'],
    ['POST', '/v1/uploads/token', 'results'],
    ['POST', '/v1/uploads/token/complete/', 'results'],
    ['GET', '/v1/uploads', 'results'],
    ['GET', '/v1/uploads/token/complete', 'results'],
    ['GET', '/v1/images/0b7e4f3c/thumbnail', 'results'],
    ['GET', '/docs', 'results'],
    ['GET', '/docs/openapi.json', 'results'],
    ['GET', '/docsearch', 'web'],
    ['GET', '/', 'web'],
    ['GET', '/images/0b7e4f3c', 'web'],
    ['GET', '/_next/static/chunk.js', 'web'],
    ['GET', '/v1', 'web'],
  ])('%s %s goes to %s', (method, path, upstream) => {
    expect(routeRequest(method, path)).toBe(upstream);
  });
});
