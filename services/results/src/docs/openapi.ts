import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** Path of Swagger UI; the OpenAPI document is at `${DOCS_PATH}/openapi.json`. */
export const DOCS_PATH = 'docs';

function buildDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Lookout results API')
    .setDescription(
      'Detection results stored by the results service: images and their detections, label statistics and COCO exports. ' +
        'Errors are {"error":{"code","message"}}.',
    )
    .setVersion('1')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * Serves Swagger UI at /docs and the OpenAPI document at /docs/openapi.json. The UI's scripts and
 * styles come from the installed swagger-ui-dist package, so the page loads without a CDN.
 * The document is built on the first request, after every controller is registered.
 */
export function setupOpenApi(app: INestApplication): void {
  // Swagger UI links its assets relative to the page, so at /docs/ they would resolve under
  // /docs/docs/ and fail to load. That address is redirected to /docs instead.
  app.use((request: { path: string }, response: { redirect(status: number, url: string): void }, next: () => void) => {
    if (request.path === `/${DOCS_PATH}/`) {
      response.redirect(301, `/${DOCS_PATH}`);
      return;
    }
    next();
  });
  SwaggerModule.setup(DOCS_PATH, app, () => buildDocument(app), {
    jsonDocumentUrl: `${DOCS_PATH}/openapi.json`,
    raw: ['json'],
    customSiteTitle: 'Lookout results API',
  });
}
