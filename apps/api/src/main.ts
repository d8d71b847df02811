import 'reflect-metadata';
import './tracing';
import { loadConfig } from '../../../libs/config/src';
import { dataConverterFromConfig } from '../../../libs/temporal/src/codec';
import { loadBlindIndexKey } from '../../../libs/persistence/src';
import { createApiApp } from './create-api-app';
import { QuietStartupLogger } from './http/startup-logger';

async function main(): Promise<void> {
  const config = loadConfig();
  // Missing or bad keys stop start-up with one line, before Nest starts.
  dataConverterFromConfig(config);
  loadBlindIndexKey(config);
  const app = await createApiApp({ logger: new QuietStartupLogger() });
  await app.listen(config.PORT, config.HOST);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
