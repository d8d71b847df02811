import { nextLoginStage, totpRequiredFor } from './login-stages';

describe('login stages', () => {
  const fresh = { totpRequired: true, totpEnrolled: false, totpVerified: false, mustChangePassword: true };

  it('walks a new user through password change, then enrolment, then a session', () => {
    expect(nextLoginStage(fresh)).toBe('changePassword');
    expect(nextLoginStage({ ...fresh, mustChangePassword: false })).toBe('enrol');
    expect(
      nextLoginStage({ ...fresh, mustChangePassword: false, totpEnrolled: true, totpVerified: true }),
    ).toBe('session');
  });

  it('asks an enrolled user for the code before anything else', () => {
    expect(nextLoginStage({ ...fresh, totpEnrolled: true })).toBe('totp');
    expect(nextLoginStage({ ...fresh, totpEnrolled: true, totpVerified: true })).toBe('changePassword');
    expect(nextLoginStage({ ...fresh, totpEnrolled: true, mustChangePassword: false })).toBe('totp');
  });

  it('skips enrolment only where TOTP is optional, but still asks an enrolled user', () => {
    const optional = { ...fresh, totpRequired: false, mustChangePassword: false };
    expect(nextLoginStage(optional)).toBe('session');
    expect(nextLoginStage({ ...optional, totpEnrolled: true })).toBe('totp');
  });

  it('makes TOTP optional only when every role of the user is optional', () => {
    expect(totpRequiredFor(['clerk'], [])).toBe(true);
    expect(totpRequiredFor(['clerk'], ['clerk'])).toBe(false);
    expect(totpRequiredFor(['clerk', 'admin'], ['clerk'])).toBe(true);
    expect(totpRequiredFor([], ['clerk'])).toBe(true);
  });
});
