import { DirectorySnapshot, holdersOf, personInPost } from './directory';
import { PersonRef } from './principal';
import { ancestorsOf, findUnit, topUnit, UnitTree } from './units';

/** Who an escalation-ladder level names (policy data); resolved to people only when the level fires. */
export const ESCALATION_ROLES = ['handler', 'unitLeader', 'packageLeader', 'supervisionOffice'] as const;
export type EscalationRole = (typeof ESCALATION_ROLES)[number];

export const ESCALATION_ROLE_LABELS: Readonly<Record<EscalationRole, string>> = {
  handler: '承办人',
  unitLeader: '单位负责人',
  packageLeader: '包案领导',
  supervisionOffice: '督查室',
};

/** The people a case names, as recorded by the six defines (before them, only the unit holding the case). */
export interface CaseAssignees {
  readonly responsibleUnitCode: string;
  readonly handler?: PersonRef | null;
  readonly packageLeader?: PersonRef | null;
}

/** The post a fallback or a deputy stands in for. */
export interface VacatedPost {
  readonly post: EscalationRole;
  readonly unitCode: string;
  readonly userId?: string;
}

export interface ResolvedRecipient {
  readonly person: PersonRef;
  /** `holder`: holds the post; `vacancyFallback`: the post was vacant; `actingDeputy`: delegated by the holder. */
  readonly via: 'holder' | 'vacancyFallback' | 'actingDeputy';
  readonly inPlaceOf?: VacatedPost;
}

function toRef(person: PersonRef): PersonRef {
  return { userId: person.userId, name: person.name, role: person.role, unitCode: person.unitCode };
}

/** Follows delegations (chains too, cycle-safe) to whoever actually receives in the holder's place. */
function withActingDeputy(
  directory: DirectorySnapshot,
  recipient: ResolvedRecipient,
  post: EscalationRole,
): ResolvedRecipient {
  const seen = new Set<string>([recipient.person.userId]);
  let current = recipient;
  for (;;) {
    const holder = current.person;
    const delegation = directory.delegations.find(
      (candidate) =>
        candidate.holderUserId === holder.userId &&
        !seen.has(candidate.deputy.userId) &&
        personInPost(directory, candidate.deputy.userId) !== undefined,
    );
    if (!delegation) return current;
    seen.add(delegation.deputy.userId);
    current = {
      person: toRef(delegation.deputy),
      via: 'actingDeputy',
      inPlaceOf: { post, unitCode: holder.unitCode, userId: holder.userId },
    };
  }
}

/** The unit's leaders; a vacant leader post falls back to the leader of the nearest unit above. */
function leadersWithFallback(
  tree: UnitTree,
  directory: DirectorySnapshot,
  unitCode: string,
  vacated: VacatedPost | undefined,
): ResolvedRecipient[] {
  const chain = findUnit(tree, unitCode) ? [unitCode, ...ancestorsOf(tree, unitCode).map((u) => u.code)] : [];
  for (const [index, code] of chain.entries()) {
    const leaders = holdersOf(directory, 'unitLeader', code);
    if (leaders.length === 0) continue;
    const fallback = vacated ?? (index > 0 ? { post: 'unitLeader' as const, unitCode } : undefined);
    return leaders.map((leader) =>
      fallback
        ? { person: toRef(leader), via: 'vacancyFallback', inPlaceOf: fallback }
        : { person: toRef(leader), via: 'holder' },
    );
  }
  return [];
}

/** The named person if still in post (and, for the handler, still in the responsible unit). */
function namedHolder(
  directory: DirectorySnapshot,
  named: PersonRef | null | undefined,
  stillHolds: (person: PersonRef) => boolean,
): ResolvedRecipient | undefined {
  if (!named) return undefined;
  const current = personInPost(directory, named.userId);
  return current && stillHolds(current) ? { person: toRef(current), via: 'holder' } : undefined;
}

function resolveHolders(
  role: EscalationRole,
  assignees: CaseAssignees,
  directory: DirectorySnapshot,
  tree: UnitTree,
): ResolvedRecipient[] {
  const unitCode = assignees.responsibleUnitCode;
  switch (role) {
    case 'handler': {
      const holder = namedHolder(directory, assignees.handler, (p) => p.unitCode === unitCode);
      if (holder) return [holder];
      return leadersWithFallback(tree, directory, unitCode, {
        post: 'handler',
        unitCode,
        ...(assignees.handler ? { userId: assignees.handler.userId } : {}),
      });
    }
    case 'unitLeader':
      return leadersWithFallback(tree, directory, unitCode, undefined);
    case 'packageLeader': {
      const named = assignees.packageLeader;
      const holder = namedHolder(
        directory,
        named,
        (p) => p.role === 'unitLeader' || p.role === 'packageLeader',
      );
      if (holder) return [holder];
      const leaderUnit = named && findUnit(tree, named.unitCode) ? named.unitCode : unitCode;
      return leadersWithFallback(tree, directory, leaderUnit, {
        post: 'packageLeader',
        unitCode: leaderUnit,
        ...(named ? { userId: named.userId } : {}),
      });
    }
    case 'supervisionOffice': {
      const chain = findUnit(tree, unitCode)
        ? [unitCode, ...ancestorsOf(tree, unitCode).map((u) => u.code)]
        : [];
      for (const code of chain) {
        const supervisors = holdersOf(directory, 'supervisor', code);
        if (supervisors.length > 0)
          return supervisors.map((s) => ({ person: toRef(s), via: 'holder' as const }));
      }
      const top = topUnit(tree).code;
      return leadersWithFallback(tree, directory, top, { post: 'supervisionOffice', unitCode: top });
    }
  }
}

/**
 * The people an escalation level reaches, resolved when the level fires:
 * - handler / package leader: the person the case names, if still in post;
 * - unit leader: the leader(s) of the responsible unit;
 * - supervision office: the supervisors of the nearest unit at or above the responsible unit;
 * - a vacant post falls back to the unit's leader (for a vacant leader post: the leader one unit up);
 * - an acting deputy receives in the holder's place.
 * Deduplicated by user id, in a deterministic order. Empty only when nobody holds any post up the tree:
 * the caller records that as an unresolved escalation rather than failing the workflow.
 */
export function resolveEscalationRecipients(
  role: EscalationRole,
  assignees: CaseAssignees,
  directory: DirectorySnapshot,
  tree: UnitTree,
): ResolvedRecipient[] {
  const recipients = resolveHolders(role, assignees, directory, tree).map((r) =>
    withActingDeputy(directory, r, role),
  );
  const seen = new Set<string>();
  return recipients.filter((r) => (seen.has(r.person.userId) ? false : (seen.add(r.person.userId), true)));
}
