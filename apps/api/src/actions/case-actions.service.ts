import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { type CaseAction } from '../../../../libs/domain/src/case/actions';
import { ACTION_ROLES } from '../../../../libs/domain/src/case/transition-table';
import { type PersonRef, type Principal } from '../../../../libs/domain/src/org/principal';
import { isRole, ROLES, type Role } from '../../../../libs/domain/src/org/roles';
import { TemporalClientHolder } from '../../../../libs/nest/src';
import {
  caseAttachments,
  type CaseEntity,
  findActivePersonInRoles,
  hasPendingPublicRating,
  isAttachmentRef,
  isWithinUnit,
} from '../../../../libs/persistence/src';
import { type ActResult, actUpdate } from '../../../../workflows/case-messages';
import { caseWorkflowId } from '../../../../workflows/workflow-ids';
import { actingAs, type StaffSession } from '../auth/staff-session';
import { CaseAccess } from '../cases/case-access.service';
import { ApiError, validationFailed } from '../http/api-error';
import { toFieldErrors } from '../http/validation-messages';
import { ACTION_BODIES, type StaffActionType } from './action-dtos';
import { updateRejectionToApiError } from './update-failure';

/** The roles a person may be named in, per field of the six defines and the duties. */
const NAMED_ROLES: Record<'packageLeader' | 'handler' | 'performer' | 'recusal', Role[]> = {
  packageLeader: ['packageLeader', 'unitLeader'],
  handler: ['handler'],
  performer: ['handler', 'unitLeader', 'packageLeader'],
  // Whose recusal a petitioner asks: any staff member (in their case-working role first).
  recusal: ROLES.filter((role) => role !== 'admin'),
};

/**
 * Staff actions over HTTP: checks the caller may see the case and holds a role the action allows,
 * validates the body, resolves the people it names from the directory, and sends the workflow's `act`
 * Update; the workflow's typed rejection becomes 403/409/422 with its code.
 */
@Injectable()
export class CaseActionsService {
  constructor(
    private readonly db: DataSource,
    private readonly temporal: TemporalClientHolder,
    private readonly access: CaseAccess,
  ) {}

  async perform(caseNumber: string, type: string, body: unknown, user: StaffSession): Promise<ActResult> {
    if (!Object.prototype.hasOwnProperty.call(ACTION_BODIES, type)) {
      throw new ApiError('ACTION_UNKNOWN', `未知的操作 / unknown action ${type}`);
    }
    const actionType = type as StaffActionType;
    // Authorization first — role, then the case — so a caller who may not act learns nothing about the
    // case's existence or from how their body is judged.
    const actor = this.actorFor(user, actionType);
    const found = await this.access.visibleCase(caseNumber, user);
    const fields = await this.validBody(actionType, body);
    await this.checkAttachedEvidence(found.caseNumber, fields.evidenceRefs);
    const action = await this.toCaseAction(actionType, fields, found);
    if (actionType === 'recordSatisfaction') await this.checkNoOnlineRating(found.caseNumber);
    try {
      return await this.temporal.client.workflow
        .getHandle(caseWorkflowId(caseNumber))
        .executeUpdate(actUpdate, { args: [{ action, actor }] });
    } catch (error) {
      throw updateRejectionToApiError(error);
    }
  }

  /**
   * The petitioner rated online first (art. 21) and the relay has not brought it to the case yet: the
   * first answer wins, so the counter's is refused now, as the case will refuse it once it arrives.
   */
  private async checkNoOnlineRating(caseNumber: string): Promise<void> {
    if (!(await hasPendingPublicRating(this.db, caseNumber))) return;
    throw new ApiError(
      'SATISFACTION_ALREADY_RECORDED',
      '信访人已通过网上查询评价，评价已记录 / the petitioner already rated the reply online; the rating is recorded',
    );
  }

  private async validBody(type: StaffActionType, body: unknown): Promise<Record<string, unknown>> {
    const instance = plainToInstance(ACTION_BODIES[type] as new () => object, body ?? {});
    // Bodiless actions (accept, resumeClock) have a class without rules: not an "unknown value".
    const errors = await validate(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: false,
      stopAtFirstError: true,
    });
    if (errors.length > 0) {
      throw validationFailed(toFieldErrors(errors));
    }
    return instance as Record<string, unknown>;
  }

  /** Evidence naming an attachment must name one of this case's files, digest included. */
  private async checkAttachedEvidence(caseNumber: string, refs: unknown): Promise<void> {
    if (!Array.isArray(refs)) return;
    const attached = new Set((await caseAttachments(this.db, caseNumber)).map((file) => file.ref));
    const unknown = refs.findIndex((ref) => isAttachmentRef(ref) && !attached.has(ref));
    if (unknown >= 0) {
      const message = '佐证材料引用的附件不属于本案或已不符 / the evidence names no attachment of this case';
      throw new ApiError('EVIDENCE_NOT_ATTACHED', message, [
        { field: `evidenceRefs[${unknown}]`, code: 'EVIDENCE_NOT_ATTACHED', message },
      ]);
    }
  }

  /** The caller acts in the first of their roles the action allows; none → 403. */
  private actorFor(user: StaffSession, type: StaffActionType): Principal {
    const allowed = ACTION_ROLES[type];
    const role = user.roles.find(
      (candidate): candidate is Role => isRole(candidate) && allowed.includes(candidate),
    );
    if (!role) {
      throw new ApiError('ROLE_NOT_ALLOWED', `无权执行此操作 / none of your roles may ${type}`);
    }
    return actingAs(user, role);
  }

  private async toCaseAction(
    type: StaffActionType,
    fields: Record<string, unknown>,
    found: CaseEntity,
  ): Promise<Exclude<CaseAction, { type: 'register' }>> {
    if (type === 'defineSix' || type === 'reassign') {
      const { packageLeaderUserId, handlerUserId, reason, ...rest } = fields as Record<
        string,
        string | undefined
      >;
      const packageLeader =
        packageLeaderUserId &&
        (await this.person(packageLeaderUserId, 'packageLeader', 'packageLeaderUserId'));
      // A package leader leads from the holding unit's line: that unit, a unit above it or one below it.
      if (
        packageLeader &&
        !(await isWithinUnit(this.db.manager, packageLeader.unitCode, holdingUnit(found))) &&
        !(await isWithinUnit(this.db.manager, holdingUnit(found), packageLeader.unitCode))
      ) {
        throw personOutOfScope(packageLeaderUserId!, 'packageLeaderUserId');
      }
      const defines = {
        ...rest,
        ...(packageLeader ? { packageLeader } : {}),
        ...(handlerUserId ? { handler: await this.person(handlerUserId, 'handler', 'handlerUserId') } : {}),
      };
      return (type === 'defineSix' ? { type, defines } : { type, changes: defines, reason }) as never;
    }
    if (type === 'recordDuty') {
      const { performedByUserIds, ...rest } = fields as { performedByUserIds: string[] } & Record<
        string,
        unknown
      >;
      const performedBy = await Promise.all(
        performedByUserIds.map((id) => this.person(id, 'performer', 'performedByUserIds')),
      );
      // The five duties are the package team's: its leader, or staff of the responsible unit or below.
      for (const performer of performedBy) {
        const inTeam =
          performer.userId === found.packageLeaderUserId ||
          (await isWithinUnit(
            this.db.manager,
            found.responsibleUnitCode ?? holdingUnit(found),
            performer.unitCode,
          ));
        if (!inTeam) throw personOutOfScope(performer.userId, 'performedByUserIds');
      }
      return { type, ...rest, performedBy } as never;
    }
    if (type === 'requestRecusal') {
      const { userId, ...rest } = fields as { userId: string } & Record<string, unknown>;
      return { type, ...rest, person: await this.person(userId, 'recusal', 'userId') } as never;
    }
    if ((type === 'requestReview' || type === 'requestReReview') && typeof fields.receivedAt === 'string') {
      // One form of the instant on record (UTC), as a registration's receipt time is stored.
      const receivedAt = new Date(fields.receivedAt);
      if (!Number.isNaN(receivedAt.getTime()))
        return { type, ...fields, receivedAt: receivedAt.toISOString() } as never;
    }
    return { type, ...fields } as never;
  }

  /** A person named in an action, with the role they are named in, from the directory. */
  private async person(userId: string, as: keyof typeof NAMED_ROLES, field: string): Promise<PersonRef> {
    const row = await findActivePersonInRoles(this.db, userId, NAMED_ROLES[as]);
    if (!row) {
      throw new ApiError(
        'PERSON_NOT_FOUND',
        `人员不存在或无相应职务 / ${userId} not found in a fitting role`,
        [
          {
            field,
            code: 'PERSON_NOT_FOUND',
            message: '人员不存在或无相应职务 / no such person in a fitting role',
          },
        ],
      );
    }
    return { userId, name: row.name, role: row.role, unitCode: row.unit_code };
  }
}

function holdingUnit(found: CaseEntity): string {
  return found.holdingUnitCode ?? found.registeringUnitCode;
}

function personOutOfScope(userId: string, field: string): ApiError {
  const message = '此人不属于本案办理范围 / this person is outside the case’s handling team';
  return new ApiError('PERSON_OUT_OF_SCOPE', `${message}: ${userId}`, [
    { field, code: 'PERSON_OUT_OF_SCOPE', message },
  ]);
}
