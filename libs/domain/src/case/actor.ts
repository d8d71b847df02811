import { PersonRef, Principal } from '../org/principal';

/** The workflow itself, acting when a clock runs out (e.g. closing a case whose review window lapsed). */
export interface SystemActor {
  readonly system: true;
}

export const SYSTEM_ACTOR: SystemActor = { system: true };

/** Who performs a case action: a person, or the system for timer-driven actions. */
export type CaseActor = Principal | SystemActor;

export function isSystemActor(actor: CaseActor): actor is SystemActor {
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

export function isPetitionerActor(actor: CaseActor | PetitionerActor): actor is PetitionerActor {
  return (actor as PetitionerActor).petitioner === true;
}
