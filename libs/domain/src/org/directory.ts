import { PersonRef } from './principal';

/** A person in the directory snapshot; `inPost: false` means they no longer hold their post (left, moved). */
export interface DirectoryPerson extends PersonRef {
  readonly inPost: boolean;
}

/** An acting deputy (代理/委托): while the delegation is in force, the deputy receives in the holder's place. */
export interface Delegation {
  readonly holderUserId: string;
  readonly deputy: PersonRef;
}

/**
 * Who holds which post, as the caller resolved it from the database when an escalation level fires.
 * The workflow never reads the database; this snapshot arrives as an argument.
 */
export interface DirectorySnapshot {
  readonly people: readonly DirectoryPerson[];
  readonly delegations: readonly Delegation[];
}

export function personInPost(directory: DirectorySnapshot, userId: string): DirectoryPerson | undefined {
  return directory.people.find((person) => person.userId === userId && person.inPost);
}

/** Holders of a role in one unit, in post, ordered by user id so the result is deterministic. */
export function holdersOf(
  directory: DirectorySnapshot,
  role: PersonRef['role'],
  unitCode: string,
): DirectoryPerson[] {
  return directory.people
    .filter((person) => person.inPost && person.role === role && person.unitCode === unitCode)
    .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}
