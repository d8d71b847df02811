import { isDomainError } from '../errors';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { caseIn } from './test-kit';
import { checkNotRegistration, checkPolicyMigration, checkRepeatVisit } from './workflow-checks';

/** 'ok', or `code/kind/field` of the DomainError the check throws. */
function outcome(run: () => void): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return [error.code, error.kind, error.field].filter(Boolean).join('/');
  }
}

const clerk = { role: 'clerk' };
const admin = { role: 'admin' };

describe('checkNotRegistration: a case is registered once, when its workflow starts', () => {
  it('refuses `register` through act as a conflict, lets any other action through', () => {
    expect(outcome(() => checkNotRegistration({ type: 'register' }))).toBe('CASE_STATE_CONFLICT/conflict');
    expect(outcome(() => checkNotRegistration({ type: 'accept' }))).toBe('ok');
  });
});

describe('checkRepeatVisit: a repeat visit lands on an open case, by a clerk, with its id', () => {
  const open = caseIn('inHandling');

  it('records a clerk’s visit with an id on an open case', () => {
    expect(outcome(() => checkRepeatVisit(open, { actor: clerk, visitId: 'visit-1' }))).toBe('ok');
  });

  it('refuses before registration and after the end (closed, withdrawn), before looking at the clerk', () => {
    expect(outcome(() => checkRepeatVisit(null, { actor: clerk, visitId: 'v' }))).toBe(
      'CASE_STATE_CONFLICT/conflict',
    );
    const closed = caseIn('closed');
    expect(outcome(() => checkRepeatVisit(closed, { actor: { role: 'handler' } }))).toBe(
      'CASE_STATE_CONFLICT/conflict',
    );
    expect(outcome(() => checkRepeatVisit(caseIn('withdrawn'), { actor: clerk, visitId: 'v' }))).toBe(
      'CASE_STATE_CONFLICT/conflict',
    );
  });

  it('refuses anyone but a clerk, and a request without an actor', () => {
    expect(outcome(() => checkRepeatVisit(open, { actor: { role: 'handler' }, visitId: 'v' }))).toBe(
      'ROLE_NOT_ALLOWED/forbidden',
    );
    expect(outcome(() => checkRepeatVisit(open, { visitId: 'v' }))).toBe('ROLE_NOT_ALLOWED/forbidden');
  });

  it('requires a visit id that is a non-blank string', () => {
    for (const visitId of [undefined, '', '   ', 42]) {
      expect(outcome(() => checkRepeatVisit(open, { actor: clerk, visitId }))).toBe(
        'FIELD_REQUIRED/invalid/visitId',
      );
    }
  });

  it('speaks Chinese first, English beside', () => {
    expect(() => checkRepeatVisit(open, { actor: { role: 'handler' }, visitId: 'v' })).toThrow(
      '仅登记员登记来访 / only a clerk registers a visit',
    );
  });
});

describe('checkPolicyMigration: a policy reaches an open case only by an administrator’s recorded migration', () => {
  const open = caseIn('inHandling');
  const migration = { actor: admin, policy: DEFAULT_POLICY, reason: '省里缩短登记时限' };

  it('lets an administrator move an open case to a valid policy with a reason', () => {
    expect(outcome(() => checkPolicyMigration(open, migration))).toBe('ok');
    // Before registration there is no end to check.
    expect(outcome(() => checkPolicyMigration(null, migration))).toBe('ok');
  });

  it('refuses anyone but an administrator first, even with a broken policy', () => {
    expect(outcome(() => checkPolicyMigration(open, { ...migration, actor: clerk, policy: {} }))).toBe(
      'ROLE_NOT_ALLOWED/forbidden',
    );
  });

  it('refuses a policy that does not parse (INVALID_POLICY), before the reason', () => {
    const broken = { ...migration, policy: { version: 7 }, reason: '' };
    expect(outcome(() => checkPolicyMigration(open, broken))).toMatch(/^INVALID_POLICY\//);
  });

  it('requires a reason that is not blank', () => {
    for (const reason of [undefined, '', '  ']) {
      expect(outcome(() => checkPolicyMigration(open, { ...migration, reason }))).toBe(
        'FIELD_REQUIRED/invalid/reason',
      );
    }
  });

  it('refuses a case that has ended (closed, concluded)', () => {
    expect(outcome(() => checkPolicyMigration(caseIn('closed'), migration))).toBe(
      'CASE_STATE_CONFLICT/conflict',
    );
    expect(outcome(() => checkPolicyMigration(caseIn('concluded'), migration))).toBe(
      'CASE_STATE_CONFLICT/conflict',
    );
  });
});
