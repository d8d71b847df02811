import { DomainError } from '../errors';
import { DEFAULT_POLICY } from './default-policy';
import { parsePolicy } from './parse-policy';
import { Policy } from './policy';

function withChange(change: (policy: Policy) => void): unknown {
  const copy = structuredClone(DEFAULT_POLICY) as Policy;
  change(copy);
  return copy;
}

function rejection(input: unknown): DomainError {
  try {
    parsePolicy(input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the policy to be rejected');
}

describe('DEFAULT_POLICY', () => {
  it('has the Regulation’s numbers', () => {
    const { clocks } = DEFAULT_POLICY;
    expect(DEFAULT_POLICY.version).toBe('national-2022');
    expect(clocks.triage).toMatchObject({ days: 15, mode: 'calendar' }); // art. 22
    expect(clocks.transferNotice).toMatchObject({ days: 15, mode: 'calendar' }); // art. 23
    expect(clocks.misrouteObjection).toMatchObject({ days: 5, mode: 'working' }); // art. 23
    expect(clocks.handling).toMatchObject({ days: 60, mode: 'calendar' }); // art. 34
    expect(DEFAULT_POLICY.extension).toEqual({ maxDays: 30, mode: 'calendar' }); // art. 34
    expect(clocks.reviewRequest).toMatchObject({ days: 30, mode: 'calendar' }); // art. 35
    expect(clocks.reviewDecision).toMatchObject({ days: 30, mode: 'calendar' });
    expect(clocks.reReviewRequest).toMatchObject({ days: 30, mode: 'calendar' }); // art. 36
    expect(clocks.reReviewDecision).toMatchObject({ days: 30, mode: 'calendar' });
    expect(DEFAULT_POLICY.maxCollectiveRepresentatives).toBe(5); // art. 20
  });

  it('escalates handler → unit leader → package leader → supervision office', () => {
    expect(DEFAULT_POLICY.escalationLadder.map((level) => level.recipient)).toEqual([
      'handler',
      'unitLeader',
      'packageLeader',
      'supervisionOffice',
    ]);
    expect(DEFAULT_POLICY.repeatEscalation).toEqual([
      { repeatCount: 2, recipient: 'packageLeader' },
      { repeatCount: 3, recipient: 'supervisionOffice' },
    ]);
    expect(DEFAULT_POLICY.repeatSimilarityThreshold).toBe(0.3);
  });

  it('gives a policy published before the repeat threshold existed the default threshold', () => {
    const { repeatSimilarityThreshold: _dropped, ...older } = structuredClone(DEFAULT_POLICY) as Policy;
    expect(parsePolicy(older).repeatSimilarityThreshold).toBe(0.3);
  });

  it('is frozen, so nobody changes the national policy by accident', () => {
    expect(() => {
      (DEFAULT_POLICY.clocks.handling as { days: number }).days = 90;
    }).toThrow(TypeError);
  });

  it('survives a JSON round trip (it is data)', () => {
    expect(parsePolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY)))).toEqual(DEFAULT_POLICY);
  });
});

describe('parsePolicy rejects invalid policies, naming the field', () => {
  it('with the message shape "<path> 中文 / English"', () => {
    const error = rejection(withChange((p) => (p.clocks.handling.days = 0)));
    expect(error.code).toBe('INVALID_POLICY');
    expect(error.field).toBe('clocks.handling.days');
    expect(error.message).toBe(
      '策略无效 / invalid policy: clocks.handling.days 必须为正整数 / must be a positive integer',
    );
  });

  it.each<[string, (policy: Policy) => void, string, string]>([
    [
      'a fractional day count',
      (p) => (p.clocks.triage.days = 1.5),
      'clocks.triage.days',
      'must be a positive integer',
    ],
    [
      'a negative day count',
      (p) => (p.clocks.triage.days = -3),
      'clocks.triage.days',
      'must be a positive integer',
    ],
    [
      'handling beyond 60 days',
      (p) => (p.clocks.handling.days = 61),
      'clocks.handling.days',
      'statutory 60 days, art. 34',
    ],
    [
      'triage beyond 15 days',
      (p) => (p.clocks.triage.days = 16),
      'clocks.triage.days',
      'must not exceed 15 days',
    ],
    [
      'triage as 6 working days',
      (p) => (p.clocks.triage = { ...p.clocks.triage, days: 6, mode: 'working' }),
      'clocks.triage.days',
      'must not exceed 5 working days (statutory 15 days, art. 22)',
    ],
    [
      'an objection window of 6 working days',
      (p) => (p.clocks.misrouteObjection.days = 6),
      'clocks.misrouteObjection.days',
      'must not exceed 5 working days',
    ],
    [
      'a review decision beyond 30 days',
      (p) => (p.clocks.reviewDecision.days = 45),
      'clocks.reviewDecision.days',
      'statutory 30 days, art. 35',
    ],
    [
      'a re-review decision beyond 30 days',
      (p) => (p.clocks.reReviewDecision.days = 31),
      'clocks.reReviewDecision.days',
      'statutory 30 days, art. 36',
    ],
    [
      'a shortened review request window',
      (p) => (p.clocks.reviewRequest.days = 20),
      'clocks.reviewRequest.days',
      "a petitioner's window must not be shorter",
    ],
    [
      'a shortened re-review request window',
      (p) => (p.clocks.reReviewRequest.days = 29),
      'clocks.reReviewRequest.days',
      "a petitioner's window must not be shorter",
    ],
    [
      'an unknown mode',
      (p) => ((p.clocks.triage as { mode: string }).mode = 'weekly'),
      'clocks.triage.mode',
      'must be calendar or working',
    ],
    [
      'a month-based warning',
      (p) => (p.clocks.handling.warnBefore = ['P1M']),
      'clocks.handling.warnBefore[0]',
      'ISO-8601 duration',
    ],
    [
      'a zero warning',
      (p) => (p.clocks.handling.warnBefore = ['P3D', 'PT0S']),
      'clocks.handling.warnBefore[1]',
      'must be a positive duration',
    ],
    [
      'a warning longer than the clock',
      (p) => (p.clocks.triage.warnBefore = ['P15D']),
      'clocks.triage.warnBefore[0]',
      'shorter than the clock',
    ],
    [
      'a duplicate warning',
      (p) => (p.clocks.triage.warnBefore = ['P1D', 'PT24H']),
      'clocks.triage.warnBefore[1]',
      'duplicate warning',
    ],
    [
      'an extension beyond 30 days',
      (p) => (p.extension.maxDays = 31),
      'extension.maxDays',
      'statutory 30 days, art. 34',
    ],
    [
      'an extension of 0 days',
      (p) => (p.extension.maxDays = 0),
      'extension.maxDays',
      'must be a positive integer',
    ],
    ['an empty ladder', (p) => (p.escalationLadder = []), 'escalationLadder', 'needs at least one level'],
    [
      'an unknown recipient',
      (p) => ((p.escalationLadder[0] as { recipient: string }).recipient = 'mayor'),
      'escalationLadder[0].recipient',
      'must be one of handler|unitLeader|packageLeader|supervisionOffice',
    ],
    [
      'a ladder out of order',
      (p) => (p.escalationLadder[2].after = 'PT12H'),
      'escalationLadder[2].after',
      'must not be shorter than the previous',
    ],
    [
      'a bad ladder delay',
      (p) => (p.escalationLadder[1].after = '1 day'),
      'escalationLadder[1].after',
      'ISO-8601 duration',
    ],
    [
      'repeat thresholds out of order',
      (p) => (p.repeatEscalation[1].repeatCount = 2),
      'repeatEscalation[1].repeatCount',
      'greater than the previous',
    ],
    [
      'a repeat threshold of 0',
      (p) => (p.repeatEscalation[0].repeatCount = 0),
      'repeatEscalation[0].repeatCount',
      'must be a positive integer',
    ],
    [
      'a repeat similarity threshold above 1',
      (p) => (p.repeatSimilarityThreshold = 1.5),
      'repeatSimilarityThreshold',
      'must be at most 1',
    ],
    [
      'a repeat similarity threshold of 0',
      (p) => (p.repeatSimilarityThreshold = 0),
      'repeatSimilarityThreshold',
      'must be greater than 0',
    ],
    [
      '6 representatives',
      (p) => (p.maxCollectiveRepresentatives = 6),
      'maxCollectiveRepresentatives',
      'statutory 5 (art. 20)',
    ],
    [
      '0 representatives',
      (p) => (p.maxCollectiveRepresentatives = 0),
      'maxCollectiveRepresentatives',
      'must be a positive integer',
    ],
    ['an empty version', (p) => (p.version = ''), 'version', 'must not be empty'],
    [
      'a missing clock',
      (p) => delete (p.clocks as Partial<Policy['clocks']>).reReviewDecision,
      'clocks.reReviewDecision',
      '缺少必填项 / is required',
    ],
    [
      'an unknown clock',
      (p) => ((p.clocks as Record<string, unknown>).registration = p.clocks.triage),
      'clocks.registration',
      '未知字段 / unknown field',
    ],
  ])('%s', (_name, change, field, text) => {
    const error = rejection(withChange(change));
    expect(error.field).toBe(field);
    expect(error.message).toContain(`${field} `);
    expect(error.message).toContain(text);
  });

  it('names every bad field at once', () => {
    const error = rejection(
      withChange((p) => {
        p.clocks.handling.days = 90;
        p.extension.maxDays = 45;
        p.maxCollectiveRepresentatives = 10;
      }),
    );
    expect((error.details?.problems as { field: string }[]).map((problem) => problem.field)).toEqual([
      'clocks.handling.days',
      'extension.maxDays',
      'maxCollectiveRepresentatives',
    ]);
  });

  it('accepts shortened duties, working-day duties within the bound, and longer petitioner windows', () => {
    const policy = parsePolicy(
      withChange((p) => {
        p.clocks.triage = { days: 5, mode: 'working', warnBefore: ['P1D'] };
        p.clocks.handling = { days: 20, mode: 'working', warnBefore: [] };
        p.clocks.misrouteObjection = { days: 5, mode: 'calendar', warnBefore: [] };
        p.clocks.reviewRequest.days = 60;
        p.extension = { maxDays: 10, mode: 'working' };
      }),
    );
    expect(policy.clocks.triage).toEqual({ days: 5, mode: 'working', warnBefore: ['P1D'] });
  });
});
