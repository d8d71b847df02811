/** The steps between a correct password and a session. */
export type LoginStage = 'totp' | 'changePassword' | 'enrol';

export interface LoginProgress {
  /** The user must use TOTP (some role of theirs is not in TOTP_OPTIONAL_ROLES). */
  totpRequired: boolean;
  /** A TOTP secret is enrolled (then it is asked for, required or not). */
  totpEnrolled: boolean;
  /** A code was already checked in this login. */
  totpVerified: boolean;
  mustChangePassword: boolean;
}

/**
 * What comes next after the password: the second factor first when one is enrolled (nobody changes a
 * password on a stolen password alone), then a forced password change, then enrolment when TOTP is
 * required and missing; `session` when nothing is left.
 */
export function nextLoginStage(progress: LoginProgress): LoginStage | 'session' {
  if (progress.totpEnrolled && !progress.totpVerified) return 'totp';
  if (progress.mustChangePassword) return 'changePassword';
  if (progress.totpRequired && !progress.totpEnrolled) return 'enrol';
  return 'session';
}

/** TOTP is optional only when every role the user holds is listed as optional (and they hold one). */
export function totpRequiredFor(roles: readonly string[], optionalRoles: readonly string[]): boolean {
  return roles.length === 0 || roles.some((role) => !optionalRoles.includes(role));
}
