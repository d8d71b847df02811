import { fieldWithControlCharacter } from './control-characters.middleware';

describe('control characters in request bodies', () => {
  it('names the first field holding one, nested paths included', () => {
    expect(fieldWithControlCharacter({ subject: 'ok', petitioner: { name: 'a\u0000b' } })).toBe(
      'petitioner.name',
    );
    expect(fieldWithControlCharacter({ evidenceRefs: ['x', 'y\u0007'] })).toBe('evidenceRefs[1]');
  });

  it('lets ordinary text through, tabs and line breaks included', () => {
    expect(fieldWithControlCharacter({ content: '第一行\n第二行\t说明\r\n' })).toBeUndefined();
    expect(fieldWithControlCharacter(undefined)).toBeUndefined();
  });
});
