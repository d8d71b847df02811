import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppConfig } from '../../../../libs/config/src';
import { localDateAt } from '../../../../libs/domain/src/clock/time-zone';
import {
  figureDefinition,
  type FigureDefinition,
  figureRate,
  periodInstants,
  type ReportingPeriod,
  resolvePeriod,
} from '../../../../libs/domain/src/metrics';
import { APP_CONFIG } from '../../../../libs/nest/src';
import {
  type FigureCase,
  figureCases,
  type FigureCount,
  measureUnit,
  type MetricsScope,
  type MetricsWindow,
  unitInSubtree,
} from '../../../../libs/persistence/src';
import { type StaffSession } from '../auth/staff-session';
import { ApiError, validationFailed } from '../http/api-error';
import { type MetricCasesQuery, type MetricsQuery } from './metrics.query';

export interface FigureValue extends FigureCount {
  rate: number | null;
}

export interface ReportFrame {
  unit: { code: string; name: string };
  period: ReportingPeriod & { timeZone: string };
}

export interface MetricsReport extends ReportFrame {
  figures: (FigureValue & FigureDefinition)[];
  children: { unit: { code: string; name: string }; figures: FigureValue[] }[];
}

export interface MetricCasesPage extends ReportFrame {
  figure: FigureDefinition;
  part: MetricCasesQuery['part'];
  total: number;
  limit: number;
  offset: number;
  items: FigureCase[];
}

interface Resolved {
  frame: ReportFrame;
  scope: MetricsScope;
  window: MetricsWindow;
}

function withRate(count: FigureCount): FigureValue {
  return { ...count, rate: figureRate(count.numerator, count.denominator) };
}

/** The supervisors' figures for a unit and period, and the cases behind each of them. */
@Injectable()
export class MetricsService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(query: MetricsQuery, user: StaffSession): Promise<MetricsReport> {
    const { frame, scope, window } = await this.resolve(query, user);
    const measures = await measureUnit(this.db, scope, window);
    return {
      ...frame,
      figures: measures.total.map((count) => ({
        ...withRate(count),
        ...(figureDefinition(count.key) as FigureDefinition),
      })),
      children: measures.children.map((child) => ({
        unit: { code: child.unitCode, name: child.unitName },
        figures: child.figures.map(withRate),
      })),
    };
  }

  async cases(query: MetricCasesQuery, user: StaffSession): Promise<MetricCasesPage> {
    const { frame, scope, window } = await this.resolve(query, user);
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const page = await figureCases(
      this.db,
      scope,
      window,
      { key: query.figure, part: query.part },
      { limit, offset },
    );
    return {
      ...frame,
      figure: figureDefinition(query.figure) as FigureDefinition,
      part: query.part,
      total: page.total,
      limit,
      offset,
      items: page.items,
    };
  }

  /** The period, then whether the unit is the caller's own or below it (the route checked the role). */
  private async resolve(query: MetricsQuery, user: StaffSession): Promise<Resolved> {
    const timeZone = this.config.TIME_ZONE;
    const now = new Date();
    const resolved = resolvePeriod({ from: query.from, to: query.to }, localDateAt(now.getTime(), timeZone));
    if (!resolved.ok) {
      throw validationFailed(resolved.problems);
    }
    const unitCode = query.unit ?? user.unitCode;
    const unit = await unitInSubtree(this.db.manager, user.unitCode, unitCode);
    if (!unit) {
      throw new ApiError(
        'UNIT_OUT_OF_SCOPE',
        '只能查看本单位及下级单位的指标 / you may read the figures of your own unit and the units below it',
        [
          {
            field: 'unit',
            code: 'outOfScope',
            message: `单位 ${unitCode} 不在您的范围内 / not within your units`,
          },
        ],
      );
    }
    return {
      frame: { unit, period: { ...resolved.period, timeZone } },
      scope: { unitCode: unit.code, viewer: { userId: user.userId, unitCode: user.unitCode } },
      window: { ...periodInstants(resolved.period, timeZone), now },
    };
  }
}
