import { type INestApplication, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { loadConfig } from '../../../libs/config/src';
import {
  defaultMessageOf,
  ERROR_CODES,
  type ErrorCode,
  httpStatusOf,
} from '../../../libs/domain/src/error-codes';
import { ApiModule } from './api.module';
import { Logger } from 'nestjs-pino';
import { type RequestMetrics } from '../../../libs/observability/src/request-metrics';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { ApiErrorBodyDto } from './http/api-errors.decorator';
import { REQUEST_METRICS } from './http/request-metrics.module';
import { CONSOLE_CSP, securityHeaders } from './http/security-headers';
import { rejectControlCharacters } from './http/control-characters.middleware';
import { createValidationPipe } from './http/validation.pipe';
import { serveWebConsole } from './http/web-console';

export function buildOpenApiDocument(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('信访案件工作流引擎 Petition Case Engine')
    .setDescription('登记、分流、办理、答复、复查复核 / register, triage, handle, reply, review')
    .setVersion('0.1.0')
    .build();
  return withErrorCodes(
    closedRequestBodies(SwaggerModule.createDocument(app, config, { extraModels: [ApiErrorBodyDto] })),
  );
}

/**
 * The request bodies' schemas with `additionalProperties: false`: the validation pipe refuses unknown
 * fields (forbidNonWhitelisted), and a client generating bodies from the document should know it.
 */
function closedRequestBodies(document: OpenAPIObject): OpenAPIObject {
  const schemas = document.components?.schemas ?? {};
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as { requestBody?: unknown }[]) {
      const content = (operation?.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> })
        ?.content;
      const ref = content?.['application/json']?.schema?.$ref;
      const schema = ref
        ? (schemas[ref.replace('#/components/schemas/', '')] as { additionalProperties?: boolean })
        : undefined;
      if (schema) schema.additionalProperties = false;
    }
  }
  return document;
}

/**
 * The document with `x-error-codes`: every code an error body may carry (ERROR_CODES), with its
 * HTTP status and default message, so a client can switch on codes without reading the source.
 */
function withErrorCodes<T extends object>(document: T): T & { 'x-error-codes': Record<string, unknown> } {
  const codes = Object.fromEntries(
    (Object.keys(ERROR_CODES) as ErrorCode[]).map((code) => [
      code,
      { status: httpStatusOf(code), message: defaultMessageOf(code) },
    ]),
  );
  return { ...document, 'x-error-codes': codes };
}

/** The API application, configured the same way for `npm start` and for tests. */
export async function createApiApp(
  options: { logger?: LogLevel[] | LoggerService } = {},
): Promise<NestExpressApplication> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    bodyParser: false,
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  app.use(app.get<RequestMetrics>(REQUEST_METRICS).middleware);
  app.use(securityHeaders(CONSOLE_CSP));
  app.useBodyParser('json', { limit: config.REQUEST_BODY_LIMIT });
  app.use(rejectControlCharacters);
  if (config.TRUST_PROXY !== undefined) app.set('trust proxy', config.TRUST_PROXY);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app));
  serveWebConsole(app);
  // Start-up (modules, routes) went to the given logger, quiet by default; from here on, JSON logs.
  await app.init();
  app.useLogger(app.get(Logger));
  return app;
}
