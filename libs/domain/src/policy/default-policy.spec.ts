import { DEFAULT_POLICY } from './default-policy';
import { parsePolicy } from './parse-policy';

describe('the national default policy', () => {
  it('is a valid policy document exactly as written (parsing changes nothing)', () => {
    expect(parsePolicy(structuredClone(DEFAULT_POLICY))).toEqual(DEFAULT_POLICY);
  });

  it('is frozen, down to its clocks and ladder', () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.clocks.handling)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.escalationLadder[0])).toBe(true);
  });
});
