import { CaseAssignees } from '../org/escalation-recipients';
import { caseUnitOf } from './actor-checks';
import { CaseState } from './case-state';
import { PersonRef } from '../org/principal';

/** The package leader: as the six defines set it, or before them the leader who received the petition. */
export function packageLeaderOf(state: CaseState): PersonRef | null {
  return state.sixDefines?.packageLeader ?? state.reception?.leader ?? null;
}

/** The people an escalation of this case is resolved against (see `resolveEscalationRecipients`). */
export function caseAssigneesOf(state: CaseState): CaseAssignees {
  return {
    responsibleUnitCode: caseUnitOf(state),
    handler: state.sixDefines?.handler ?? null,
    packageLeader: packageLeaderOf(state),
  };
}
