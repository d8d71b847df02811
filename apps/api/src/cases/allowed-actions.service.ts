import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../../../libs/config/src';
import { APP_CONFIG, TemporalClientHolder } from '../../../../libs/nest/src';
import { type CaseCommandType } from '../../../../libs/domain/src/case/action-handler';
import { actionAvailability, CASE_COMMAND_TYPES } from '../../../../libs/domain/src/case/allowed-now';
import { type CaseFacts } from '../../../../libs/domain/src/case/facts';
import { ACTION_ROLES } from '../../../../libs/domain/src/case/transition-table';
import { localDateAt } from '../../../../libs/domain/src/clock/time-zone';
import { type Principal } from '../../../../libs/domain/src/org/principal';
import { isRole, type Role } from '../../../../libs/domain/src/org/roles';
import { caseSnapshotQuery, type CaseSnapshot } from '../../../../workflows/case-messages';
import { caseWorkflowId } from '../../../../workflows/workflow-ids';
import { actingAs, type StaffSession } from '../auth/staff-session';

/**
 * The actions the calling user may perform on a case now, by the domain's own rules (allowed-now.ts) over
 * the state and the facts the case workflow's validator uses (its snapshot query): what POST
 * /cases/:caseNumber/actions/:action would accept with a well-formed body. The user acts, as there, in the
 * first of their roles the action allows.
 */
@Injectable()
export class AllowedActions {
  constructor(
    private readonly temporal: TemporalClientHolder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The allowed actions in the action list's order; null when the workflow does not tell its facts. */
  async forUser(caseNumber: string, user: StaffSession): Promise<CaseCommandType[] | null> {
    const snapshot = await this.snapshot(caseNumber);
    // The workflow has ended (its history expired): no Update can reach it, so nothing is open.
    if (snapshot === undefined) return [];
    if (!snapshot.state || !snapshot.facts) return snapshot.state ? null : [];
    const { misrouteObjectionEndsAt, ...base } = snapshot.facts;
    const now = Date.now();
    const facts: CaseFacts = {
      ...base,
      at: new Date(now).toISOString(),
      today: localDateAt(now, this.config.TIME_ZONE),
    };
    const factsFor = (type: CaseCommandType): CaseFacts =>
      type === 'objectMisroute' ? { ...facts, windowEndsAt: misrouteObjectionEndsAt } : facts;
    const state = snapshot.state;
    const byRole = new Map<Role, ReturnType<typeof actionAvailability>>();
    const tableFor = (role: Role) => {
      if (!byRole.has(role)) {
        const actor: Principal = actingAs(user, role);
        byRole.set(role, actionAvailability(state, actor, factsFor));
      }
      return byRole.get(role)!;
    };
    return CASE_COMMAND_TYPES.filter((type) => {
      const role = user.roles.find(
        (candidate): candidate is Role => isRole(candidate) && ACTION_ROLES[type].includes(candidate),
      );
      return role !== undefined && tableFor(role)[type].allowed;
    });
  }

  private async snapshot(caseNumber: string): Promise<CaseSnapshot | undefined> {
    try {
      return await this.temporal.client.workflow
        .getHandle(caseWorkflowId(caseNumber))
        .query(caseSnapshotQuery);
    } catch {
      return undefined;
    }
  }
}
