export interface UnitLike {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface UnitTreeNode {
  value: string;
  title: string;
  children: UnitTreeNode[];
}

/** Nests a flat unit list under its parents; units whose parent is not listed become roots. */
export function unitTree(units: readonly UnitLike[]): UnitTreeNode[] {
  const nodes = new Map(
    units.map((unit) => [
      unit.code,
      { value: unit.code, title: `${unit.name} (${unit.code})`, children: [] },
    ]),
  );
  const roots: UnitTreeNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.code)!;
    const parent = unit.parentCode ? nodes.get(unit.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
