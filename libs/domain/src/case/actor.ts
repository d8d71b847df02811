import { PersonRef, Principal } from '../org/principal';
import { RECORDED_PETITIONER_ACTOR, RECORDED_SYSTEM_ACTOR, type RecordedActor } from './recorded-event';

/*
 * 行为人 / Who acts on a case, in one vocabulary:
 * - `Actor`: a staff member (`Principal`: user, role, unit), the engine itself (`SYSTEM_ACTOR`) or the
 *   petitioner on their own case (`PETITIONER_ACTOR`). The API maps its signed-in `StaffSession` to a
 *   `Principal` at the edge (apps/api/src/auth/staff-session.ts `actingAs`).
 * - `CaseActor`: the actors of case actions (staff or engine); the petitioner only rates (art. 21).
 * - `RecordedActor` (recorded-event.ts): the form stored with each event, `recordedActorOf(actor)`.
 */

/** The workflow itself, acting when a clock runs out (e.g. closing a case whose review window lapsed). */
export interface SystemActor {
  readonly system: true;
}

export const SYSTEM_ACTOR: SystemActor = { system: true };

/** Who performs a case action: a person, or the system for timer-driven actions. */
export type CaseActor = Principal | SystemActor;

export function isSystemActor(actor: Actor): actor is SystemActor {
  return (actor as SystemActor).system === true;
}

/** The actor as recorded on the case (a copy, so later changes to the caller's object do not leak in). */
export function recordedActor(actor: CaseActor): CaseActor {
  if (isSystemActor(actor)) return SYSTEM_ACTOR;
  const person: PersonRef = {
    userId: actor.userId,
    name: actor.name,
    role: actor.role,
    unitCode: actor.unitCode,
  };
  return person;
}

/** Where a petitioner acts on their own case: the public progress query (art. 21). */
export const PETITIONER_RATING_CHANNELS = ['publicQuery'] as const;
export type PetitionerRatingChannel = (typeof PETITIONER_RATING_CHANNELS)[number];

/** The petitioner themself, as the actor of their own satisfaction rating: never a staff member. */
export interface PetitionerActor {
  readonly petitioner: true;
  readonly channel: PetitionerRatingChannel;
}

/** The petitioner rating through the public progress query, the only channel they act through. */
export const PETITIONER_ACTOR: PetitionerActor = { petitioner: true, channel: 'publicQuery' };

/** Anyone who acts on a case: staff, the engine, or the petitioner. */
export type Actor = CaseActor | PetitionerActor;

export function isPetitionerActor(actor: Actor): actor is PetitionerActor {
  return (actor as PetitionerActor).petitioner === true;
}

/**
 * The actor as each event stores it: `{ id, role, unitCode }` in that order (the JSON every stored
 * event and committed history holds; it must not change). The engine is `system:engine`, the petitioner
 * `petitioner`, a staff member their user id in the role they act in.
 */
export function recordedActorOf(actor: Actor): RecordedActor {
  if (isSystemActor(actor)) return RECORDED_SYSTEM_ACTOR;
  if (isPetitionerActor(actor)) return RECORDED_PETITIONER_ACTOR;
  return { id: actor.userId, role: actor.role, unitCode: actor.unitCode };
}
