import { type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { type NextFunction, type Request, type Response } from 'express';
import { loadConfig } from '../../../libs/config/src';
import { ApiExceptionFilter } from '../../api/src/http/api-exception.filter';
import { PUBLIC_PAGE_CSP, securityHeaders } from '../../api/src/http/security-headers';
import { createValidationPipe } from '../../api/src/http/validation.pipe';
import { PublicModule } from './public.module';

/** Nothing the public app answers is cached. */
function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}

/** The public progress query app, configured the same way for `npm start` and for tests. */
export async function createPublicApp(
  options: { logger?: LogLevel[] | LoggerService } = {},
): Promise<NestExpressApplication> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(PublicModule, {
    bodyParser: false,
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  app.useBodyParser('json', { limit: '4kb' });
  app.use(noStore, securityHeaders(PUBLIC_PAGE_CSP));
  if (config.TRUST_PROXY !== undefined) app.set('trust proxy', config.TRUST_PROXY);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  // Start-up (modules, routes) went to the given logger, quiet by default; from here on, JSON logs.
  await app.init();
  app.useLogger(app.get(Logger));
  return app;
}
