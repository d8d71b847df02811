import { DomainError } from '../errors';
import { findUnit, requireUnit, UnitTree } from './units';

/**
 * A body that handles or decides a case: a unit of the tree, or a body above the top unit,
 * outside the system, recorded by name (e.g. the city government deciding a review of the district).
 */
export type HandlingBody =
  { readonly kind: 'unit'; readonly code: string } | { readonly kind: 'external'; readonly name: string };

export function unitBody(code: string): HandlingBody {
  return { kind: 'unit', code };
}

function noBodyAbove(description: string): DomainError {
  return new DomainError(
    'NO_BODY_ABOVE',
    `${description} 之上没有登记的上级机关 / no body is recorded above ${description}`,
    { details: { body: description } },
  );
}

/** The body one level up from a unit: its parent unit, or above the top unit the first external body. */
export function parentOf(tree: UnitTree, code: string): HandlingBody {
  const unit = requireUnit(tree, code);
  if (unit.parentCode !== null) return unitBody(unit.parentCode);
  const external = tree.bodiesAboveTop[0];
  if (external === undefined) throw noBodyAbove(unit.code);
  return { kind: 'external', name: external };
}

/** One level up from any body: review goes one level above the handler unit, re-review one more. */
export function bodyAbove(tree: UnitTree, body: HandlingBody): HandlingBody {
  if (body.kind === 'unit') return parentOf(tree, body.code);
  const index = tree.bodiesAboveTop.indexOf(body.name);
  const next = index < 0 ? undefined : tree.bodiesAboveTop[index + 1];
  if (next === undefined) throw noBodyAbove(body.name);
  return { kind: 'external', name: next };
}

export function sameBody(a: HandlingBody, b: HandlingBody): boolean {
  return a.kind === 'unit'
    ? b.kind === 'unit' && a.code === b.code
    : b.kind === 'external' && a.name === b.name;
}

/** A human label for a body: the unit's name, or the external body's recorded name. */
export function bodyName(tree: UnitTree, body: HandlingBody): string {
  if (body.kind === 'external') return body.name;
  return findUnit(tree, body.code)?.name ?? body.code;
}
