import {
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type AppConfig } from '../../../../libs/config/src';
import { APP_CONFIG } from '../../../../libs/nest/src';
import { type MetricsServer, serveMetrics } from '../../../../libs/observability/src/metrics-server';
import {
  createRequestMetrics,
  type RequestMetrics,
} from '../../../../libs/observability/src/request-metrics';

export const REQUEST_METRICS = Symbol('REQUEST_METRICS');

/** Serves the API's request metrics on METRICS_HOST:METRICS_PORT while the app runs (nothing when unset). */
@Injectable()
export class MetricsEndpoint implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsEndpoint.name);
  private server?: MetricsServer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REQUEST_METRICS) private readonly metrics: RequestMetrics,
  ) {}

  /** The scrape address, once serving. */
  get url(): string | undefined {
    return this.server?.url;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.METRICS_PORT === undefined) return;
    this.server = await serveMetrics(
      this.metrics.registry,
      this.config.METRICS_HOST,
      this.config.METRICS_PORT,
    );
    this.logger.log(`指标 / metrics on ${this.server.url}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.close();
  }
}

@Module({
  providers: [{ provide: REQUEST_METRICS, useFactory: createRequestMetrics }, MetricsEndpoint],
  exports: [REQUEST_METRICS, MetricsEndpoint],
})
export class RequestMetricsModule {}
