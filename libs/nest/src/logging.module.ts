import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig } from '../../config/src';
import { pinoHttpOptions } from '../../observability/src/logging';
import { APP_CONFIG } from './config.module';

/**
 * JSON logs (pino) for an app: its Nest logs, and in the HTTP apps one line per request with its
 * X-Request-Id (kept from the caller or made, and answered). Level from LOG_LEVEL, form from LOG_FORMAT.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: pinoHttpOptions({ level: config.LOG_LEVEL, format: config.LOG_FORMAT }),
      }),
    }),
  ],
})
export class LoggingModule {}
