import { bearerToken, hashToken, newOpaqueToken, TOKEN_PATTERN } from './tokens';

describe('opaque tokens', () => {
  it('are 32 random bytes in base64url, stored only as their SHA-256', () => {
    const { token, hash } = newOpaqueToken();
    expect(token).toMatch(TOKEN_PATTERN);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
  });

  it('hash with SHA-256 (known vector)', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newOpaqueToken().token));
    expect(tokens.size).toBe(1000);
  });

  it('are read from a Bearer header only when well-formed', () => {
    const { token } = newOpaqueToken();
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer ${token}`)).toBe(token);
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken(token)).toBeUndefined();
    expect(bearerToken(`Basic ${token}`)).toBeUndefined();
    expect(bearerToken(`Bearer ${token}x`)).toBeUndefined();
    expect(bearerToken('Bearer ')).toBeUndefined();
  });
});
