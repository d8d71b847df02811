import 'reflect-metadata';
import './tracing';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '../../../libs/config/src';
import { dataConverterFromConfig } from '../../../libs/temporal/src/codec';
import { QuietStartupLogger } from '../../api/src/http/startup-logger';
import { WorkerModule } from './worker.module';

/** The worker process: a Nest application context hosting the Temporal Worker and its activities. */
async function main(): Promise<void> {
  dataConverterFromConfig(loadConfig()); // a bad configuration stops start-up with one line, before Nest starts
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    bufferLogs: false,
    logger: new QuietStartupLogger(),
  });
  app.useLogger(app.get(Logger)); // start-up was quiet; from here on, JSON logs
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
