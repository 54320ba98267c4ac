import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { startResultsTestApp, type ResultsTestApp } from '../../test/results-test-app.js';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; required?: boolean }> }>>;
  components: { schemas: Record<string, unknown> };
}

describe('OpenAPI documentation', () => {
  let results: ResultsTestApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    results = await startResultsTestApp('results_docs');
    const response = await fetch(`${results.baseUrl}/docs/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    document = (await response.json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await results?.close();
  });

  it('lists the results endpoints', () => {
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/images',
        '/v1/images/{id}',
        '/v1/images/{id}/file',
        '/v1/images/{id}/coco',
        '/v1/exports/coco',
        '/v1/stats/labels',
        '/v1/events',
      ]),
    );
    expect(document.openapi).toMatch(/^3\./);
  });

  it('describes the query parameters of the listing', () => {
    const parameters = document.paths['/v1/images']!.get!.parameters!.filter((parameter) => parameter.in === 'query');

    expect(parameters.map((parameter) => parameter.name).sort()).toEqual(['cursor', 'from', 'label', 'limit', 'minScore', 'modelId', 'modelVersion', 'status', 'to']);
  });

  it('marks the range of the label statistics required', () => {
    const parameters = document.paths['/v1/stats/labels']!.get!.parameters!;

    expect(parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name).sort()).toEqual(['from', 'to']);
  });

  it('describes the response bodies', () => {
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['ImageDto', 'ImagePageDto', 'LabelStatsDto', 'CocoResultsDto', 'ErrorBodyDto']));
  });

  it('serves Swagger UI as HTML with its assets from this server', async () => {
    const page = await fetch(`${results.baseUrl}/docs`);
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('swagger-ui');
    expect(html).not.toMatch(/(src|href)=["']https?:/);

    const bundle = await fetch(`${results.baseUrl}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    await bundle.arrayBuffer();
  });

  it('redirects the docs address with a trailing slash', async () => {
    const response = await fetch(`${results.baseUrl}/docs/`, { redirect: 'manual' });

    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/docs');
  });
});
