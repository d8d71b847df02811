import { Global, Module } from '@nestjs/common';
import { loadConfig } from '../../config/src';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The typed configuration, validated once when the module is created. */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => loadConfig() }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
