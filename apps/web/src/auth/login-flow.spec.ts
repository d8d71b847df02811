import { nextLoginScreen, otpauthSecret } from './login-flow';

describe('login flow', () => {
  it('finishes on a session and moves to the stage the API names otherwise', () => {
    expect(nextLoginScreen({ accessToken: 'tok', expiresAt: '2026-11-29T10:00:00Z' })).toEqual({
      step: 'done',
      accessToken: 'tok',
    });
    expect(nextLoginScreen({ stage: 'totp', challenge: 'c1', challengeExpiresAt: 'x' })).toEqual({
      step: 'totp',
      challenge: 'c1',
    });
    expect(
      nextLoginScreen({
        stage: 'enrol',
        challenge: 'c2',
        challengeExpiresAt: 'x',
        otpauthUri: 'otpauth://totp/PCE:li?secret=ABC&issuer=PCE',
      }),
    ).toEqual({ step: 'enrol', challenge: 'c2', otpauthUri: 'otpauth://totp/PCE:li?secret=ABC&issuer=PCE' });
  });

  it('reads the secret out of an otpauth URI', () => {
    expect(otpauthSecret('otpauth://totp/PCE:li?secret=JBSWY3DP&issuer=PCE')).toBe('JBSWY3DP');
    expect(otpauthSecret('not a uri')).toBeNull();
  });
});
