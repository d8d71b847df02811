import { createHmac } from 'node:crypto';
import { TEST_PAYLOAD_KEY_RING } from '../../temporal/src/codec/test-key-ring';
import { normalisePersonName, PersonalDataProtector } from './personal-data';

describe("the blind index of a petitioner's name", () => {
  const key = Buffer.alloc(32, 7);
  const protector = new PersonalDataProtector(TEST_PAYLOAD_KEY_RING, key);

  it('normalises spacing, full-width letters and middle dots before indexing', () => {
    expect(normalisePersonName(' 张 三 ')).toBe('张三');
    expect(normalisePersonName('ＺＨＡＮＧ San')).toBe('zhangsan');
    expect(normalisePersonName('阿依古丽·买买提')).toBe('阿依古丽买买提');
  });

  it('is the keyed HMAC of "name:" and the normalised name, never the name itself', () => {
    const expected = createHmac('sha256', key).update('name:张三').digest('hex');
    expect(protector.blindIndex('name', '张 三')).toBe(expected);
    expect(protector.blindIndex('name', '张三')).toBe(expected);
    expect(protector.blindIndex('name', '张四')).not.toBe(expected);
    // another field's index of the same text differs: the field is part of what is hashed
    expect(protector.blindIndex('address', '张三')).not.toBe(expected);
  });
});
