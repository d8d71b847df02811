import { CaseAction, CaseActionOf } from './actions';
import { CaseActor } from './actor';
import { CaseState } from './case-state';
import { CaseFacts } from './facts';
import { Instant } from './time-values';

/** What a handler sees: the case, who acts (as recorded), the caller's facts, and the action's time. */
export interface ActionContext {
  readonly state: CaseState;
  readonly actor: CaseActor;
  readonly facts: CaseFacts;
  readonly at: Instant;
}

export type CaseCommandType = Exclude<CaseAction['type'], 'register'>;

/**
 * One action's rules and effect. `check` throws a DomainError (input, unit scope, business rules; the
 * status and role were checked before). `apply` returns the changed case; the status is set afterwards
 * from the transition table, so a handler never decides where the case goes.
 */
export interface ActionHandler<T extends CaseCommandType> {
  check(context: ActionContext, action: CaseActionOf<T>): void;
  apply(context: ActionContext, action: CaseActionOf<T>): CaseState;
}

export type ActionHandlers<K extends CaseCommandType> = { readonly [T in K]: ActionHandler<T> };
