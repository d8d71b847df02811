import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { type AppConfig } from '../../../libs/config/src';
import { APP_CONFIG } from '../../../libs/nest/src';
import {
  installTemporalRuntime,
  requireTemporalAddress,
  temporalConnectionOptions,
} from '../../../libs/temporal/src';
import { assertBundleEncodesFailures, dataConverterFromConfig } from '../../../libs/temporal/src/codec';
import { workerTracingInterceptors } from '../../../libs/temporal/src/tracing';
import { CaseActivitiesService } from './case-activities';

/** Where the worker gets its workflow code: a prebuilt bundle if given, else the workflows folder. */
function workflowSource(config: AppConfig): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  if (config.WORKFLOW_BUNDLE_PATH) {
    assertBundleEncodesFailures(config.WORKFLOW_BUNDLE_PATH);
    return { workflowBundle: { codePath: config.WORKFLOW_BUNDLE_PATH } };
  }
  return { workflowsPath: require.resolve('../../../workflows') };
}

/** The SDK's Prometheus endpoint, when WORKER_METRICS_PORT is set. */
function metricsAddress(config: AppConfig): string | undefined {
  if (config.WORKER_METRICS_PORT === undefined) return undefined;
  const host = config.METRICS_HOST.includes(':') ? `[${config.METRICS_HOST}]` : config.METRICS_HOST;
  return `${host}:${config.WORKER_METRICS_PORT}`;
}

/** Hosts the Temporal Worker inside the Nest application context and drains it on shutdown. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker?: Worker;
  private running?: Promise<void>;
  private connection?: NativeConnection;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly caseActivities: CaseActivitiesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const address = requireTemporalAddress(this.config);
    // Payloads and failure messages are encrypted; without keys the worker refuses to start.
    const dataConverter = dataConverterFromConfig(this.config);
    const source = workflowSource(this.config);
    const metricsAt = metricsAddress(this.config);
    installTemporalRuntime(this.config.LOG_LEVEL, { metricsAddress: metricsAt });
    this.connection = await NativeConnection.connect(temporalConnectionOptions(this.config, address));
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      activities: this.caseActivities.activities(),
      dataConverter,
      maxCachedWorkflows: this.config.WORKER_MAX_CACHED_WORKFLOWS,
      maxConcurrentActivityTaskExecutions: this.config.WORKER_MAX_CONCURRENT_ACTIVITIES,
      maxConcurrentWorkflowTaskExecutions: this.config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      ...source,
      ...workerTracingInterceptors(),
    });
    this.running = this.worker.run();
    this.running.catch((error) => this.logger.error(`Temporal worker stopped: ${String(error)}`));
    this.logger.log(`worker polling task queue ${this.config.TEMPORAL_TASK_QUEUE} on ${address}`);
    if (metricsAt) this.logger.log(`工作进程指标 / worker metrics on http://${metricsAt}/metrics`);
    process.send?.({ ready: 'worker' }); // tells the npm start launcher, when it started us
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
