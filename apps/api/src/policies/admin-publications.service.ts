import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppConfig } from '../../../../libs/config/src';
import { type Calendar, parseCalendar } from '../../../../libs/domain/src/clock/calendar';
import { mainlandYearsAvailable } from '../../../../libs/domain/src/clock/mainland-calendar';
import { calendarAround, calendarYears } from '../../../../libs/domain/src/clock/published-calendar';
import { DomainError } from '../../../../libs/domain/src/errors';
import { DEFAULT_POLICY, DEFAULT_POLICY_VERSION } from '../../../../libs/domain/src/policy/default-policy';
import { parsePolicy } from '../../../../libs/domain/src/policy/parse-policy';
import { type Policy } from '../../../../libs/domain/src/policy/policy';
import { APP_CONFIG, TemporalClientHolder } from '../../../../libs/nest/src';
import {
  type CalendarPublished,
  type CalendarsOverview,
  type InForceView,
  listPublishedVersions,
  listUnitSubtree,
  type PoliciesOverview,
  type PolicyPublished,
  type PublicationInForce,
  publicationsInForceAt,
  recordPublication,
} from '../../../../libs/persistence/src';
import { publishCalendar } from '../../../../libs/temporal/src/calendar-publication';
import { requireUnitInScope } from '../admin/admin-scope';
import { type StaffSession } from '../auth/staff-session';
import { asPublicationRefusal, publicationError } from './publication-errors';
import { type PublishCalendarDto, type PublishPolicyDto } from './publications.dto';

function inForceView(row: PublicationInForce): InForceView {
  return { version: row.version, builtIn: false, unitCode: row.unitCode, since: row.since };
}

/**
 * Policies and calendars published by an administrator are in force for new registrations in the
 * administrator's unit (or a unit below it) and everything under it; open cases keep their policy and
 * receive the calendar. Scoping by unit keeps one province's choice from changing another's cases.
 */
@Injectable()
export class AdminPublications {
  constructor(
    private readonly db: DataSource,
    private readonly temporal: TemporalClientHolder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async policies(admin: StaffSession): Promise<PoliciesOverview> {
    const [inForce, stored] = await Promise.all([
      publicationsInForceAt(this.db, admin.unitCode),
      listPublishedVersions(this.db, 'policy'),
    ]);
    const current = inForce.policy
      ? inForceView(inForce.policy)
      : { version: DEFAULT_POLICY_VERSION, builtIn: true, unitCode: null, since: null };
    const builtIn = {
      version: DEFAULT_POLICY_VERSION,
      createdAt: null,
      createdBy: null,
      createdByName: null,
      document: DEFAULT_POLICY as unknown as Record<string, unknown>,
    };
    return {
      unitCode: admin.unitCode,
      inForce: current,
      // A stored copy of the built-in (the demo seeds one for its cases) is the built-in, listed once.
      versions: [...stored.filter((row) => row.version !== DEFAULT_POLICY_VERSION), builtIn].map((row) => {
        const policy = row.document as unknown as Policy;
        return {
          ...row,
          jurisdiction: policy.jurisdiction ?? null,
          basedOn: policy.basedOn ?? null,
          builtIn: row === builtIn,
          inForce: row.version === current.version,
        };
      }),
    };
  }

  async publishPolicy(admin: StaffSession, body: PublishPolicyDto, ip: string): Promise<PolicyPublished> {
    const unitCode = body.unitCode ?? admin.unitCode;
    await requireUnitInScope(this.db, admin, unitCode);
    let policy: Policy;
    try {
      policy = parsePolicy(body.policy);
    } catch (error) {
      throw asPublicationRefusal(error, 'policy');
    }
    if (policy.version === DEFAULT_POLICY_VERSION)
      throw publicationError('BUILT_IN_VERSION', 'policy.version');
    try {
      const { firstPublication } = await recordPublication(this.db, {
        kind: 'policy',
        version: policy.version,
        document: policy,
        actorId: admin.userId,
        inForceFor: { unitCode },
        clientAddress: ip,
      });
      return { version: policy.version, firstPublication, inForceFor: unitCode, openCasesKeepTheirs: true };
    } catch (error) {
      throw asPublicationRefusal(error, 'policy');
    }
  }

  async calendars(admin: StaffSession): Promise<CalendarsOverview> {
    const [inForce, stored] = await Promise.all([
      publicationsInForceAt(this.db, admin.unitCode),
      listPublishedVersions(this.db, 'calendar'),
    ]);
    const current = inForce.calendar ? inForceView(inForce.calendar) : null;
    return {
      unitCode: admin.unitCode,
      builtIn: {
        version: calendarAround(Date.now(), this.config.TIME_ZONE).version!,
        years: mainlandYearsAvailable(),
      },
      inForce: current,
      versions: stored.map((row) => {
        const calendar = row.document as unknown as Calendar;
        return {
          ...row,
          years: calendarYears(calendar),
          holidays: calendar.holidays.length,
          makeupWorkdays: calendar.makeupWorkdays.length,
          inForce: row.version === current?.version,
        };
      }),
    };
  }

  async publishCalendar(
    admin: StaffSession,
    body: PublishCalendarDto,
    ip: string,
  ): Promise<CalendarPublished> {
    const unitCode = body.unitCode ?? admin.unitCode;
    await requireUnitInScope(this.db, admin, unitCode);
    let calendar: Calendar;
    try {
      calendar = parseCalendar(body.calendar);
      if (!calendar.version) {
        throw new DomainError('INVALID_CALENDAR', '日历须有版本号 / the calendar needs a version', {
          field: 'version',
          details: { problems: [{ field: 'version', message: '缺少必填项 / is required' }] },
        });
      }
    } catch (error) {
      throw asPublicationRefusal(error, 'calendar');
    }
    const units = await listUnitSubtree(this.db, unitCode);
    try {
      const { firstPublication, fanOut } = await publishCalendar(
        this.db,
        this.temporal.client,
        {
          calendar,
          actorId: admin.userId,
          inForceFor: { unitCode },
          caseQuery: `ResponsibleUnit IN (${units.map((unit) => JSON.stringify(unit.code)).join(', ')})`,
          clientAddress: ip,
        },
        { timeZone: this.config.TIME_ZONE },
      );
      return {
        version: calendar.version,
        firstPublication,
        inForceFor: unitCode,
        signalled: fanOut.signalled,
        total: fanOut.total,
        failed: fanOut.failed,
      };
    } catch (error) {
      throw asPublicationRefusal(error, 'calendar');
    }
  }
}
