import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthIndicatorResult,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { TemporalClientHolder } from '../../../../libs/nest/src';

@ApiTags('health 健康检查')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly temporal: TemporalClientHolder,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'PostgreSQL 与 Temporal 可达性 / reachability of PostgreSQL and Temporal' })
  check() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 3000 }),
      () => this.temporalReachable(),
    ]);
  }

  private async temporalReachable(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('temporal');
    try {
      const { connection } = this.temporal;
      await connection.withDeadline(Date.now() + 3000, () => connection.workflowService.getSystemInfo({}));
      return indicator.up({ namespace: this.temporal.config.TEMPORAL_NAMESPACE });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
