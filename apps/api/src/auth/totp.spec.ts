import { URI } from 'otpauth';
import { newTotpSecret, totpCode, totpStep, totpUri, verifyTotp } from './totp';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (base32 below), 8-digit vectors truncated to 6.
  const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('computes the RFC 6238 test vectors (last six digits)', () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe('287082');
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
    expect(totpCode(RFC_SECRET, 2_000_000_000_000)).toBe('279037');
  });

  const secret = newTotpSecret();
  const now = 1_800_000_015_000; // 15 s into a period

  it('accepts the current code and those of one period either side, no further', () => {
    const step = totpStep(now);
    expect(verifyTotp(secret, totpCode(secret, now), now)).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    const twoBack = totpCode(secret, now - 60_000);
    const twoAhead = totpCode(secret, now + 60_000);
    const nearby = [-1, 0, 1].map((offset) => totpCode(secret, now + offset * 30_000));
    if (!nearby.includes(twoBack)) expect(verifyTotp(secret, twoBack, now)).toBeNull();
    if (!nearby.includes(twoAhead)) expect(verifyTotp(secret, twoAhead, now)).toBeNull();
  });

  it('refuses a code already used, or one older than the last used', () => {
    const step = totpStep(now);
    expect(verifyTotp(secret, totpCode(secret, now), now, step)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now, step)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), now, step)).toBe(step + 1);
  });

  it('refuses malformed codes and codes of another secret', () => {
    expect(verifyTotp(secret, '12345', now)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now)).toBeNull();
    expect(verifyTotp(secret, ` ${totpCode(secret, now)}`, now)).toBeNull();
    const other = newTotpSecret();
    const code = totpCode(other, now);
    if (![-1, 0, 1].some((o) => totpCode(secret, now + o * 30_000) === code))
      expect(verifyTotp(secret, code, now)).toBeNull();
  });

  it('gives an otpauth:// URI with a 160-bit secret that an authenticator can read back', () => {
    const uri = totpUri(secret, 'zhang.san');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    const parsed = URI.parse(uri);
    expect(parsed.secret.base32).toBe(secret);
    expect(parsed.secret.bytes).toHaveLength(20);
    expect(parsed.label).toBe('zhang.san');
    expect(totpCode(parsed.secret.base32, now)).toBe(totpCode(secret, now));
  });
});
