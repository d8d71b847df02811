import 'reflect-metadata';
import './tracing';
import { loadConfig } from '../../../libs/config/src';
import { loadBlindIndexKey } from '../../../libs/persistence/src';
import { loadPayloadKeyRing } from '../../../libs/temporal/src/codec/key-ring';
import { QuietStartupLogger } from '../../api/src/http/startup-logger';
import { createPublicApp } from './create-public-app';

async function main(): Promise<void> {
  const config = loadConfig();
  // Missing or bad keys stop start-up with one line, before Nest starts.
  loadPayloadKeyRing(config);
  loadBlindIndexKey(config);
  const app = await createPublicApp({ logger: new QuietStartupLogger() });
  await app.listen(config.PUBLIC_PORT, config.PUBLIC_HOST);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
