import { isInSubtree, type UnitTree } from '../org/units';
import { type CaseStatus } from './status';

/**
 * The states in which an earlier case's matter is still being handled (已经受理或者正在办理): from
 * registration to the reply. Once the handling opinion is issued the matter is no longer "being handled
 * below": the petitioner's remedy is review one level up (arts. 35–36), and a new visit is a repeat visit.
 */
export const BEING_HANDLED_STATUSES: readonly CaseStatus[] = [
  'registered',
  'transferred',
  'assigned',
  'accepted',
  'inHandling',
];

/** The petitioner's earlier case on the same matter, as repeat detection found it. */
export interface EarlierCaseOnMatter {
  readonly caseNumber: string;
  readonly status: CaseStatus;
  /** The unit that registered the earlier case. */
  readonly registeringUnitCode: string;
  /** The unit that has the case now (triages it, or owns it once accepted). */
  readonly holdingUnitCode: string;
  /** Set on acceptance and by the six defines. */
  readonly responsibleUnitCode: string | null;
}

/**
 * What a new registration of the same petitioner's same matter becomes:
 * - `newCase`: no earlier case on the matter (or only ended ones): an ordinary new case;
 * - `repeatVisit`: the earlier case is open at this level (or above, or already this level's own case):
 *   the visit is recorded on it, no new case;
 * - `handledBelow` (art. 19): the matter is being handled by a unit below the registering unit: the
 *   registering level registers the petition as a case of its own, linked to the lower case, does not
 *   accept it (reason `handledBelow`) and refers it to `handlingUnitCode`, where it is recorded as a
 *   skip-level visit on the lower case;
 * - `concludedSameFacts` (arts. 35–36): the matter was concluded after re-review: a new case is
 *   registered and not accepted, citing the conclusion.
 */
export type EarlierMatterDecision =
  | { readonly kind: 'newCase' }
  | { readonly kind: 'repeatVisit'; readonly caseNumber: string }
  | { readonly kind: 'handledBelow'; readonly caseNumber: string; readonly handlingUnitCode: string }
  | { readonly kind: 'concludedSameFacts'; readonly caseNumber: string };

/** The unit handling the case: the responsible unit once there is one, else the unit holding it. */
export function handlingUnitOf(
  earlier: Pick<EarlierCaseOnMatter, 'holdingUnitCode' | 'responsibleUnitCode'>,
): string {
  return earlier.responsibleUnitCode ?? earlier.holdingUnitCode;
}

/**
 * Art. 19: is the earlier case's matter being handled by a unit strictly below the registering unit?
 * Only while it is being handled (see BEING_HANDLED_STATUSES), and never when the registering unit
 * registered the earlier case itself (it already tracks it as its own: a repeat visit).
 */
export function isHandledBelow(
  registeringUnitCode: string,
  earlier: EarlierCaseOnMatter,
  tree: UnitTree,
): boolean {
  if (!BEING_HANDLED_STATUSES.includes(earlier.status)) return false;
  if (earlier.registeringUnitCode === registeringUnitCode) return false;
  const handling = handlingUnitOf(earlier);
  return handling !== registeringUnitCode && isInSubtree(tree, registeringUnitCode, handling);
}

/**
 * Decides a registration against the petitioner's earlier case on the same matter. Pure: the caller
 * found the earlier case (same petitioner, same matter, visible to the clerk) and loaded the unit tree.
 */
export function decideEarlierMatter(
  registeringUnitCode: string,
  earlier: EarlierCaseOnMatter | null,
  tree: UnitTree,
): EarlierMatterDecision {
  if (earlier === null) return { kind: 'newCase' };
  if (earlier.status === 'concluded') return { kind: 'concludedSameFacts', caseNumber: earlier.caseNumber };
  if (['notAccepted', 'closed', 'withdrawn'].includes(earlier.status)) return { kind: 'newCase' };
  if (isHandledBelow(registeringUnitCode, earlier, tree)) {
    return {
      kind: 'handledBelow',
      caseNumber: earlier.caseNumber,
      handlingUnitCode: handlingUnitOf(earlier),
    };
  }
  return { kind: 'repeatVisit', caseNumber: earlier.caseNumber };
}
