import { DirectorySnapshot } from './directory';
import { ESCALATION_RECIPIENTS } from '../policy/policy';
import { CaseAssignees, ESCALATION_ROLES, resolveEscalationRecipients } from './escalation-recipients';
import { person, sampleTree } from './test-fixtures';

const handler = person('h1', 'handler', 'T1');
const townLeader = person('l-t1', 'unitLeader', 'T1');
const districtLeader = person('l-d', 'unitLeader', 'D');
const packageLeader = person('p1', 'packageLeader', 'D');
const districtSupervisor = person('s-d', 'supervisor', 'D');

const assignees: CaseAssignees = { responsibleUnitCode: 'T1', handler, packageLeader };

function directory(
  people = [handler, townLeader, districtLeader, packageLeader, districtSupervisor],
  delegations: DirectorySnapshot['delegations'] = [],
): DirectorySnapshot {
  return { people, delegations };
}

const ids = (
  role: Parameters<typeof resolveEscalationRecipients>[0],
  dir: DirectorySnapshot,
  who = assignees,
) => resolveEscalationRecipients(role, who, dir, sampleTree).map((r) => `${r.person.userId}:${r.via}`);

describe('escalation recipients', () => {
  it('names the same recipients as the policy’s escalation ladder', () => {
    expect([...ESCALATION_ROLES]).toEqual([...ESCALATION_RECIPIENTS]);
  });

  it('reaches the post holders when everyone is in post', () => {
    const dir = directory();
    expect(ids('handler', dir)).toEqual(['h1:holder']);
    expect(ids('unitLeader', dir)).toEqual(['l-t1:holder']);
    expect(ids('packageLeader', dir)).toEqual(['p1:holder']);
    expect(ids('supervisionOffice', dir)).toEqual(['s-d:holder']);
  });

  it('falls back to the unit leader when the handler post is vacant', () => {
    const dir = directory([{ ...handler, inPost: false }, townLeader, districtLeader, packageLeader]);
    const [recipient] = resolveEscalationRecipients('handler', assignees, dir, sampleTree);
    expect(recipient).toEqual({
      person: { userId: 'l-t1', name: 'name-l-t1', role: 'unitLeader', unitCode: 'T1' },
      via: 'vacancyFallback',
      inPlaceOf: { post: 'handler', unitCode: 'T1', userId: 'h1' },
    });
  });

  it('treats a handler moved to another unit, or no handler yet, as a vacancy', () => {
    const moved = directory([{ ...handler, unitCode: 'T2' }, townLeader]);
    expect(ids('handler', moved)).toEqual(['l-t1:vacancyFallback']);
    expect(ids('handler', directory(), { responsibleUnitCode: 'T1' })).toEqual(['l-t1:vacancyFallback']);
  });

  it('falls back one unit up when the unit leader post itself is vacant', () => {
    const dir = directory([handler, districtLeader]);
    expect(ids('unitLeader', dir)).toEqual(['l-d:vacancyFallback']);
    expect(ids('handler', directory([districtLeader]))).toEqual(['l-d:vacancyFallback']);
  });

  it('falls back to the leader of the package leader unit when that post is vacant', () => {
    const dir = directory([handler, townLeader, districtLeader, { ...packageLeader, inPost: false }]);
    expect(ids('packageLeader', dir)).toEqual(['l-d:vacancyFallback']);
  });

  it('lets an acting deputy receive in the holder place, following chains', () => {
    const deputy = person('dep-1', 'handler', 'T1');
    const second = person('dep-2', 'handler', 'T1');
    const dir = directory(
      [handler, townLeader, deputy, second],
      [
        { holderUserId: 'l-t1', deputy },
        { holderUserId: 'dep-1', deputy: second },
      ],
    );
    const recipients = resolveEscalationRecipients('unitLeader', assignees, dir, sampleTree);
    expect(recipients.map((r) => `${r.person.userId}:${r.via}`)).toEqual(['dep-2:actingDeputy']);
    expect(recipients[0]?.inPlaceOf).toEqual({ post: 'unitLeader', unitCode: 'T1', userId: 'dep-1' });
  });

  it('ignores a delegation to someone not in post, and delegation cycles', () => {
    const deputy = person('dep-1', 'unitLeader', 'T1', false);
    expect(ids('handler', directory([handler, deputy], [{ holderUserId: 'h1', deputy }]))).toEqual([
      'h1:holder',
    ]);
    const a = person('a', 'unitLeader', 'T1');
    const b = person('b', 'handler', 'T1');
    const cyclic = directory(
      [a, b],
      [
        { holderUserId: 'a', deputy: b },
        { holderUserId: 'b', deputy: a },
      ],
    );
    expect(ids('unitLeader', cyclic)).toEqual(['b:actingDeputy']);
  });

  it('finds supervisors at the nearest unit upward, else falls back to the top unit leader', () => {
    const townSupervisor = person('s-t1', 'supervisor', 'T1');
    expect(
      ids('supervisionOffice', directory([townSupervisor, districtSupervisor]), {
        responsibleUnitCode: 'V1',
      }),
    ).toEqual(['s-t1:holder']);
    expect(ids('supervisionOffice', directory([districtLeader]))).toEqual(['l-d:vacancyFallback']);
  });

  it('returns nobody, rather than failing, when no post is held anywhere up the tree', () => {
    expect(ids('unitLeader', directory([]))).toEqual([]);
  });

  it('deduplicates when two holders delegate to the same deputy', () => {
    const l2 = person('l-t1b', 'unitLeader', 'T1');
    const deputy = person('dep', 'handler', 'T1');
    const dir = directory(
      [townLeader, l2, deputy],
      [
        { holderUserId: 'l-t1', deputy },
        { holderUserId: 'l-t1b', deputy },
      ],
    );
    expect(ids('unitLeader', dir)).toEqual(['dep:actingDeputy']);
  });
});
