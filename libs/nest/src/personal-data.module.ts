import { Global, Module } from '@nestjs/common';
import { type AppConfig } from '../../config/src';
import { loadBlindIndexKey, PersonalDataProtector } from '../../persistence/src';
import { loadPayloadKeySource } from '../../temporal/src/codec/key-ring-file-follower';
import { APP_CONFIG, ConfigModule } from './config.module';

/** Encryption at rest and blind indexes for petitioners' personal data, keyed from the configuration. */
@Global()
@Module({
  imports: [ConfigModule],
  providers: [
    {
      provide: PersonalDataProtector,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new PersonalDataProtector(loadPayloadKeySource(config), loadBlindIndexKey(config)),
    },
  ],
  exports: [PersonalDataProtector],
})
export class PersonalDataModule {}
