import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { PROJECT_ROOT } from '../libs/config/src';
import { ApiModule } from '../apps/api/src/api.module';
import { buildOpenApiDocument } from '../apps/api/src/create-api-app';

/** Where the committed OpenAPI document lives; a test fails when the code and this file drift apart. */
export const OPENAPI_FILE = path.join(PROJECT_ROOT, 'openapi.json');

/**
 * The API's OpenAPI document, built from the controllers and DTOs in preview mode: no provider is
 * instantiated, so no database or Temporal is needed.
 */
export async function renderOpenApi(): Promise<string> {
  const app = await NestFactory.create(ApiModule, { preview: true, logger: false });
  app.setGlobalPrefix('api');
  const document = buildOpenApiDocument(app);
  await app.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (require.main === module) {
  renderOpenApi().then(
    (text) => {
      fs.writeFileSync(OPENAPI_FILE, text);
      process.stdout.write(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}\n`);
    },
    (error) => {
      process.stderr.write(`openapi: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
