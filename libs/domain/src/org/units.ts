import { DomainError, type ErrorCode } from '../errors';

/** District (区) → towns/streets (镇街) and district departments (区直部门) → villages/communities (村居). */
export const UNIT_LEVELS = ['district', 'town', 'department', 'village'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_LEVEL_LABELS: Readonly<Record<UnitLevel, string>> = {
  district: '区',
  town: '镇街',
  department: '区直部门',
  village: '村居',
};

export interface Unit {
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  /** Null for the top unit. */
  readonly parentCode: string | null;
}

/**
 * The unit tree as plain data (it travels in workflow inputs). `bodiesAboveTop` names, nearest
 * first, the external bodies above the top unit (e.g. the city, then the province government):
 * a review above the top unit goes to them, recorded by name.
 */
export interface UnitTree {
  readonly units: readonly Unit[];
  readonly bodiesAboveTop: readonly string[];
}

function invalidTree(code: ErrorCode, message: string, field: string): DomainError {
  return new DomainError(code, message, { field });
}

/** Builds a tree after checking it: unique codes, known parents, exactly one top unit, no cycles. */
export function buildUnitTree(units: readonly Unit[], bodiesAboveTop: readonly string[] = []): UnitTree {
  const codes = new Set<string>();
  units.forEach((unit, index) => {
    if (codes.has(unit.code)) {
      throw invalidTree(
        'UNIT_DUPLICATE',
        `单位编码重复：${unit.code} / duplicate unit code ${unit.code}`,
        `units[${index}].code`,
      );
    }
    codes.add(unit.code);
  });
  units.forEach((unit, index) => {
    if (unit.parentCode !== null && !codes.has(unit.parentCode)) {
      throw invalidTree(
        'UNIT_PARENT_UNKNOWN',
        `上级单位不存在：${unit.parentCode} / unknown parent unit ${unit.parentCode}`,
        `units[${index}].parentCode`,
      );
    }
  });
  const tops = units.filter((unit) => unit.parentCode === null);
  if (tops.length !== 1) {
    throw invalidTree(
      'UNIT_TREE_TOP',
      `单位树须有且仅有一个顶级单位（现有 ${tops.length} 个） / the unit tree needs exactly one top unit, found ${tops.length}`,
      'units',
    );
  }
  const tree: UnitTree = { units, bodiesAboveTop };
  for (const unit of units) ancestorsOf(tree, unit.code);
  return tree;
}

export function findUnit(tree: UnitTree, code: string): Unit | undefined {
  return tree.units.find((unit) => unit.code === code);
}

export function requireUnit(tree: UnitTree, code: string, field = 'unitCode'): Unit {
  const unit = findUnit(tree, code);
  if (!unit) {
    throw new DomainError('UNIT_UNKNOWN', `单位不存在：${code} / unknown unit ${code}`, {
      field,
    });
  }
  return unit;
}

export function topUnit(tree: UnitTree): Unit {
  const top = tree.units.find((unit) => unit.parentCode === null);
  if (!top) throw invalidTree('UNIT_TREE_TOP', '单位树没有顶级单位 / the unit tree has no top unit', 'units');
  return top;
}

/** The unit's ancestors, nearest first (the unit itself excluded). Throws on an unknown code or a cycle. */
export function ancestorsOf(tree: UnitTree, code: string): Unit[] {
  const ancestors: Unit[] = [];
  let current = requireUnit(tree, code);
  while (current.parentCode !== null) {
    const parent = requireUnit(tree, current.parentCode);
    if (parent.code === code || ancestors.some((unit) => unit.code === parent.code)) {
      throw invalidTree(
        'UNIT_TREE_CYCLE',
        `单位树存在循环：${code} / cycle in the unit tree at ${code}`,
        'units',
      );
    }
    ancestors.push(parent);
    current = parent;
  }
  return ancestors;
}

/** True when `code` is `ancestorCode` itself or lies below it. Unknown codes are never in a subtree. */
export function isInSubtree(tree: UnitTree, ancestorCode: string, code: string): boolean {
  if (!findUnit(tree, code) || !findUnit(tree, ancestorCode)) return false;
  if (code === ancestorCode) return true;
  return ancestorsOf(tree, code).some((unit) => unit.code === ancestorCode);
}
