import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { type AppConfig } from '../../config/src';
import { requireTemporalAddress, temporalConnectionOptions } from '../../temporal/src';
import { dataConverterFromConfig } from '../../temporal/src/codec';
import { tracingClientInterceptors } from '../../temporal/src/tracing';
import { APP_CONFIG } from './config.module';

/**
 * A Temporal client whose connection opens on first use, so the API starts (and reports) while Temporal is down.
 * It encrypts payloads and failure messages with the configured key ring, and refuses to start without one.
 */
@Injectable()
export class TemporalClientHolder implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {
    const dataConverter = dataConverterFromConfig(config);
    this.connection = Connection.lazy(temporalConnectionOptions(config, requireTemporalAddress(config)));
    this.client = new Client({
      connection: this.connection,
      namespace: config.TEMPORAL_NAMESPACE,
      dataConverter,
      interceptors: { workflow: tracingClientInterceptors() },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({ providers: [TemporalClientHolder], exports: [TemporalClientHolder] })
export class TemporalClientModule {}
