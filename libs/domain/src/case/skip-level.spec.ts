import { sampleTree } from '../org/test-fixtures';
import { decideEarlierMatter, type EarlierCaseOnMatter, isHandledBelow } from './skip-level';

/** sampleTree: district D → towns T1, T2 and department DEP; T1 → village V1. */
function earlier(overrides: Partial<EarlierCaseOnMatter> = {}): EarlierCaseOnMatter {
  return {
    caseNumber: 'T1-2026-000007',
    status: 'inHandling',
    registeringUnitCode: 'T1',
    holdingUnitCode: 'T1',
    responsibleUnitCode: 'T1',
    ...overrides,
  };
}

describe('a higher body does not accept what is being handled below (art. 19)', () => {
  it('art. 19: the district registers a petition whose matter the town is handling → handledBelow, referred to the town, linked', () => {
    expect(decideEarlierMatter('D', earlier(), sampleTree)).toEqual({
      kind: 'handledBelow',
      caseNumber: 'T1-2026-000007',
      handlingUnitCode: 'T1',
    });
  });

  it('art. 19: a matter still awaiting the town’s triage (registered at the town, not yet accepted) is being handled below', () => {
    const waiting = earlier({ status: 'registered', responsibleUnitCode: null });
    expect(decideEarlierMatter('D', waiting, sampleTree)).toEqual({
      kind: 'handledBelow',
      caseNumber: 'T1-2026-000007',
      handlingUnitCode: 'T1',
    });
  });

  it('art. 19: two levels down (the village) is below the district and below the town', () => {
    const village = earlier({ registeringUnitCode: 'V1', holdingUnitCode: 'V1', responsibleUnitCode: 'V1' });
    expect(decideEarlierMatter('D', village, sampleTree)).toMatchObject({
      kind: 'handledBelow',
      handlingUnitCode: 'V1',
    });
    expect(decideEarlierMatter('T1', village, sampleTree)).toMatchObject({
      kind: 'handledBelow',
      handlingUnitCode: 'V1',
    });
  });

  it('art. 19: the responsible unit decides: held by the town, responsible the village → referred to the village', () => {
    const defined = earlier({ holdingUnitCode: 'T1', responsibleUnitCode: 'V1' });
    expect(decideEarlierMatter('D', defined, sampleTree)).toMatchObject({ handlingUnitCode: 'V1' });
  });

  it('art. 19 does not apply at the same level: the town registering its own open matter again → repeat visit as today', () => {
    expect(decideEarlierMatter('T1', earlier(), sampleTree)).toEqual({
      kind: 'repeatVisit',
      caseNumber: 'T1-2026-000007',
    });
  });

  it('art. 19 does not apply to a case the district registered and sent down itself: a repeat visit on its own case', () => {
    const sentDown = earlier({ registeringUnitCode: 'D', status: 'transferred', responsibleUnitCode: null });
    expect(isHandledBelow('D', sentDown, sampleTree)).toBe(false);
    expect(decideEarlierMatter('D', sentDown, sampleTree)).toEqual({
      kind: 'repeatVisit',
      caseNumber: 'T1-2026-000007',
    });
  });

  it('art. 19 does not apply sideways or upwards: another town or a unit below the one handling → repeat visit', () => {
    expect(decideEarlierMatter('T2', earlier(), sampleTree).kind).toBe('repeatVisit');
    const atDistrict = earlier({ registeringUnitCode: 'D', holdingUnitCode: 'D', responsibleUnitCode: 'D' });
    expect(decideEarlierMatter('T1', atDistrict, sampleTree).kind).toBe('repeatVisit');
  });

  it('art. 19 does not apply once the town replied: the matter is no longer being handled (review is the way) → repeat visit', () => {
    for (const status of ['replied', 'underReview', 'reviewed', 'underReReview'] as const) {
      expect([status, decideEarlierMatter('D', earlier({ status }), sampleTree).kind]).toEqual([
        status,
        'repeatVisit',
      ]);
    }
  });

  it('art. 19 does not apply to a concluded lower case: the same facts after re-review are not accepted, citing the conclusion', () => {
    expect(decideEarlierMatter('D', earlier({ status: 'concluded' }), sampleTree)).toEqual({
      kind: 'concludedSameFacts',
      caseNumber: 'T1-2026-000007',
    });
  });

  it('an ended lower case (closed, not accepted, withdrawn) and no earlier case at all → an ordinary new case', () => {
    for (const status of ['closed', 'notAccepted', 'withdrawn'] as const) {
      expect(decideEarlierMatter('D', earlier({ status }), sampleTree)).toEqual({ kind: 'newCase' });
    }
    expect(decideEarlierMatter('D', null, sampleTree)).toEqual({ kind: 'newCase' });
  });

  it('an earlier case at a unit outside the tree is never “below”', () => {
    const elsewhere = earlier({
      holdingUnitCode: 'X9',
      responsibleUnitCode: 'X9',
      registeringUnitCode: 'X9',
    });
    expect(decideEarlierMatter('D', elsewhere, sampleTree).kind).toBe('repeatVisit');
  });
});
