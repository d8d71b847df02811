import { ApiFailure } from '../api/errors';
import { nextLoginScreen, otpauthSecret, refusalText } from './login-flow';

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

describe('a refused login step', () => {
  it('names every password rule the new password breaks, under the message', () => {
    const failure = new ApiFailure(
      400,
      'PASSWORD_POLICY',
      '新密码不符合密码规则 / the new password breaks the password rules',
      [
        {
          field: 'newPassword',
          code: 'password.tooShort',
          message: '至少 12 个字符 / at least 12 characters',
        },
        { field: 'newPassword', code: 'password.common', message: '过于常见 / too common' },
      ],
    );
    expect(refusalText(failure)).toEqual({
      title: '新密码不符合密码规则 / the new password breaks the password rules',
      rules: ['至少 12 个字符 / at least 12 characters', '过于常见 / too common'],
    });
  });
});
