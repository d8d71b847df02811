import { DomainError } from '../errors';
import { DEFAULT_POLICY } from './default-policy';
import { overridePolicy } from './override-policy';

describe('overridePolicy', () => {
  it('a province with 5 working days for triage keeps everything else', () => {
    const province = overridePolicy(DEFAULT_POLICY, {
      version: 'zj-2024',
      jurisdiction: '浙江省',
      clocks: { triage: { days: 5, mode: 'working' } },
    });
    expect(province.version).toBe('zj-2024');
    expect(province.basedOn).toBe('national-2022');
    expect(province.jurisdiction).toBe('浙江省');
    expect(province.clocks.triage).toEqual({ days: 5, mode: 'working', warnBefore: ['P3D', 'P1D'] });
    expect(province.clocks.handling).toEqual(DEFAULT_POLICY.clocks.handling);
    expect(province.escalationLadder).toEqual(DEFAULT_POLICY.escalationLadder);
    expect(DEFAULT_POLICY.clocks.triage.days).toBe(15);
  });

  it('replaces arrays whole: a short ladder in minutes and seconds for tests', () => {
    const fast = overridePolicy(DEFAULT_POLICY, {
      version: 'test-fast',
      clocks: { handling: { days: 1, warnBefore: ['PT1H', 'PT30S'] } },
      escalationLadder: [
        { recipient: 'unitLeader', after: 'PT30S' },
        { recipient: 'supervisionOffice', after: 'PT2M' },
      ],
    });
    expect(fast.clocks.handling).toEqual({ days: 1, mode: 'calendar', warnBefore: ['PT1H', 'PT30S'] });
    expect(fast.escalationLadder).toHaveLength(2);
  });

  it('can build on an overridden policy', () => {
    const province = overridePolicy(DEFAULT_POLICY, { version: 'p-1', clocks: { handling: { days: 45 } } });
    const city = overridePolicy(province, { version: 'c-1', clocks: { handling: { days: 30 } } });
    expect(city.basedOn).toBe('p-1');
    expect(city.clocks.handling.days).toBe(30);
  });

  it.each([
    [{ version: 'x', clocks: { handling: { days: 90 } } }, 'clocks.handling.days', 'statutory 60 days'],
    [{ version: 'x', clocks: { registration: { days: 5 } } }, 'clocks.registration', 'unknown field'],
    [
      { version: 'x', clocks: { triage: { days: 5, mode: 'hourly' } } },
      'clocks.triage.mode',
      'must be calendar or working',
    ],
    [{ version: 'x', extension: { maxDays: 60 } }, 'extension.maxDays', 'statutory 30 days'],
    [{ version: 'x', maxCollectiveRepresentatives: 8 }, 'maxCollectiveRepresentatives', 'statutory 5'],
    [{ version: 'x', colour: 'red' }, 'colour', 'unknown field'],
    [{ version: 'national-2022' }, 'version', 'must be a new version'],
  ])('rejects %j naming %s', (overrides, field, text) => {
    let caught: unknown;
    try {
      overridePolicy(DEFAULT_POLICY, overrides as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'INVALID_POLICY', field });
    expect((caught as DomainError).message).toContain(text);
  });
});
