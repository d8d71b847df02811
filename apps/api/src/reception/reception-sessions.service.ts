import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { localDateAt } from '../../../../libs/domain/src/clock/time-zone';
import { type AppConfig } from '../../../../libs/config/src';
import { APP_CONFIG } from '../../../../libs/nest/src';
import {
  findActiveLeaderUnit,
  findReceptionSession,
  insertReceptionSession,
  isInUnitLine,
  listReceptionSessions,
  type ReceptionCase,
  type ReceptionSession,
  receptionSessionCases,
  recordAdminAudit,
} from '../../../../libs/persistence/src';
import { requireUnitInScope } from '../admin/admin-scope';
import { type StaffSession } from '../auth/staff-session';
import { receptionError } from './reception-errors';
import { type ListReceptionSessionsQuery, type PublishReceptionSessionDto } from './reception-sessions.dto';

/** The reception record of one session: who received whom, when, where, and the cases registered. */
export interface ReceptionRecord extends ReceptionSession {
  cases: ReceptionCase[];
}

/**
 * Leaders' reception days (领导接待日): published by administrators and unit leaders for their unit or a
 * unit below it (audited), listed to staff in the units' line, each with its reception record.
 */
@Injectable()
export class ReceptionSessionsService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async publish(
    user: StaffSession,
    dto: PublishReceptionSessionDto,
    clientAddress: string,
  ): Promise<ReceptionSession> {
    const unitCode = dto.unitCode ?? user.unitCode;
    if (dto.date < localDateAt(Date.now(), this.config.TIME_ZONE))
      throw receptionError('SESSION_DATE_PAST', 'date');
    const topics = dto.topics.map((topic) => topic.trim());
    const id = await this.db.transaction(async (tx) => {
      await requireUnitInScope(tx, user, unitCode);
      await this.requireEligibleLeader(tx, dto.leaderUserId, unitCode);
      const created = await insertReceptionSession(tx, {
        unitCode,
        leaderUserId: dto.leaderUserId,
        date: dto.date,
        place: dto.place.trim(),
        topics,
        publishedBy: user.userId,
      });
      await recordAdminAudit(tx, {
        actorId: user.userId,
        action: 'receptionSession.publish',
        target: created,
        unitCode,
        details: { leaderUserId: dto.leaderUserId, date: dto.date, place: dto.place.trim(), topics },
        clientAddress,
      });
      return created;
    });
    return (await findReceptionSession(this.db, id))!;
  }

  list(user: StaffSession, query: ListReceptionSessionsQuery): Promise<ReceptionSession[]> {
    if (query.from && query.to && query.from > query.to) throw receptionError('DATE_RANGE_INVALID', 'from');
    return listReceptionSessions(this.db, user.unitCode, query);
  }

  /** A session outside the caller's unit line answers 404 like one that does not exist. */
  async record(user: StaffSession, id: string): Promise<ReceptionRecord> {
    const session = await findReceptionSession(this.db, id);
    if (!session || !(await isInUnitLine(this.db.manager, session.unitCode, user.unitCode)))
      throw receptionError('RECEPTION_SESSION_NOT_FOUND');
    return { ...session, cases: await receptionSessionCases(this.db, id, user) };
  }

  /** An active unit or package leader of the session's unit, a unit above it or one below it. */
  private async requireEligibleLeader(tx: EntityManager, leaderUserId: string, unitCode: string) {
    const leaderUnitCode = await findActiveLeaderUnit(tx, leaderUserId);
    if (!leaderUnitCode || !(await isInUnitLine(tx, leaderUnitCode, unitCode)))
      throw receptionError('LEADER_NOT_ELIGIBLE', 'leaderUserId');
  }
}
