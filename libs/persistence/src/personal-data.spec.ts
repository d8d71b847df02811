import { TEST_PAYLOAD_KEY_RING } from '../../temporal/src/codec/test-key-ring';
import { PersonalDataProtector } from './personal-data';

describe('personal data at rest', () => {
  const protector = new PersonalDataProtector(TEST_PAYLOAD_KEY_RING, Buffer.alloc(32, 7));

  it('encrypts with the active key ID and decrypts back; never the same ciphertext twice', () => {
    const first = protector.encrypt('110105194912310021');
    const second = protector.encrypt('110105194912310021');
    expect(first).toMatch(new RegExp(`^v1:${TEST_PAYLOAD_KEY_RING.activeKeyId}:`));
    expect(first).not.toContain('110105');
    expect(first).not.toBe(second);
    expect(protector.decrypt(first)).toBe('110105194912310021');
  });

  it('refuses tampered data', () => {
    const stored = protector.encrypt('13912345678');
    const tampered = stored.slice(0, -4) + (stored.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => protector.decrypt(tampered)).toThrow();
  });

  it('indexes the same number the same way however it was typed, and different fields apart', () => {
    expect(protector.blindIndex('idNumber', ' 11010519491231002x ')).toBe(
      protector.blindIndex('idNumber', '11010519491231002X'),
    );
    expect(protector.blindIndex('phone', '139-1234-5678')).toBe(protector.blindIndex('phone', '13912345678'));
    expect(protector.blindIndex('phone', '13912345678')).not.toBe(
      protector.blindIndex('idNumber', '13912345678'),
    );
    expect(protector.blindIndex('phone', '13912345678')).toMatch(/^[0-9a-f]{64}$/);
    const otherKey = new PersonalDataProtector(TEST_PAYLOAD_KEY_RING, Buffer.alloc(32, 8));
    expect(otherKey.blindIndex('phone', '13912345678')).not.toBe(
      protector.blindIndex('phone', '13912345678'),
    );
  });
});
