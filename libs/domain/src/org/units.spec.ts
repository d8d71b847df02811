import { DomainError } from '../errors';
import { bodyAbove, bodyName, parentOf } from './bodies';
import { sampleTree } from './test-fixtures';
import { ancestorsOf, buildUnitTree, isInSubtree, Unit } from './units';

describe('unit tree', () => {
  it('finds subtree membership, a unit being in its own subtree', () => {
    expect(isInSubtree(sampleTree, 'D', 'V1')).toBe(true);
    expect(isInSubtree(sampleTree, 'T1', 'V1')).toBe(true);
    expect(isInSubtree(sampleTree, 'T1', 'T1')).toBe(true);
    expect(isInSubtree(sampleTree, 'T2', 'V1')).toBe(false);
    expect(isInSubtree(sampleTree, 'V1', 'T1')).toBe(false);
    expect(isInSubtree(sampleTree, 'D', 'NOPE')).toBe(false);
  });

  it('lists ancestors nearest first', () => {
    expect(ancestorsOf(sampleTree, 'V1').map((u) => u.code)).toEqual(['T1', 'D']);
  });

  it('rejects duplicate codes, unknown parents, several tops and cycles', () => {
    const top: Unit = { code: 'A', name: 'A', level: 'district', parentCode: null };
    const codeOf = (units: Unit[]) => {
      try {
        buildUnitTree(units);
        return 'ok';
      } catch (error) {
        return (error as DomainError).code;
      }
    };
    expect(codeOf([top, top])).toBe('UNIT_DUPLICATE');
    expect(codeOf([top, { code: 'B', name: 'B', level: 'town', parentCode: 'X' }])).toBe(
      'UNIT_PARENT_UNKNOWN',
    );
    expect(codeOf([top, { ...top, code: 'B' }])).toBe('UNIT_TREE_TOP');
    expect(
      codeOf([
        top,
        { code: 'B', name: 'B', level: 'town', parentCode: 'C' },
        { code: 'C', name: 'C', level: 'town', parentCode: 'B' },
      ]),
    ).toBe('UNIT_TREE_CYCLE');
  });
});

describe('the body one level up', () => {
  it('is the parent unit below the top', () => {
    expect(parentOf(sampleTree, 'V1')).toEqual({ kind: 'unit', code: 'T1' });
    expect(parentOf(sampleTree, 'DEP')).toEqual({ kind: 'unit', code: 'D' });
  });

  it('is an external body recorded by name above the top unit, then the next one', () => {
    const review = parentOf(sampleTree, 'D');
    expect(review).toEqual({ kind: 'external', name: '示例市人民政府' });
    expect(bodyAbove(sampleTree, review)).toEqual({ kind: 'external', name: '示例省人民政府' });
    expect(bodyName(sampleTree, { kind: 'unit', code: 'T1' })).toBe('东镇');
  });

  it('fails with a rule error when nothing is recorded further up', () => {
    expect(() => bodyAbove(sampleTree, { kind: 'external', name: '示例省人民政府' })).toThrow(
      expect.objectContaining({ code: 'NO_BODY_ABOVE', kind: 'rule' }),
    );
    const lonely = buildUnitTree([{ code: 'A', name: 'A', level: 'district', parentCode: null }]);
    expect(() => parentOf(lonely, 'A')).toThrow(expect.objectContaining({ code: 'NO_BODY_ABOVE' }));
  });
});
