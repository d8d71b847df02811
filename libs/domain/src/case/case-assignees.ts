import { CaseAssignees } from '../org/escalation-recipients';
import { caseUnitOf } from './actor-checks';
import { CaseState } from './case-state';

/** The people an escalation of this case is resolved against (see `resolveEscalationRecipients`). */
export function caseAssigneesOf(state: CaseState): CaseAssignees {
  return {
    responsibleUnitCode: caseUnitOf(state),
    handler: state.sixDefines?.handler ?? null,
    packageLeader: state.sixDefines?.packageLeader ?? null,
  };
}
