import { ATTACHMENT_EXTENSIONS, attachmentKindOf, extensionOf } from './attachment-kinds';

const bytes = (...values: number[]) => Uint8Array.from(values);
const PDF = Buffer.from('%PDF-1.7\n');

describe('attachment kinds', () => {
  it('recognises a file by its extension, whatever its case, and confirms it by its first bytes', () => {
    expect(attachmentKindOf('来信.PDF', PDF)).toEqual({
      kind: expect.objectContaining({ contentType: 'application/pdf' }),
    });
    expect(attachmentKindOf('现场.jpeg', bytes(0xff, 0xd8, 0xff, 0xe0))).toEqual({
      kind: expect.objectContaining({ contentType: 'image/jpeg' }),
    });
    expect(attachmentKindOf('答复.docx', bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toEqual({
      kind: expect.objectContaining({ extensions: ['docx'] }),
    });
  });

  it('refuses an extension not on the list', () => {
    expect(attachmentKindOf('setup.exe', bytes(0x4d, 0x5a))).toEqual({ problem: 'extension' });
    expect(attachmentKindOf('no-extension', PDF)).toEqual({ problem: 'extension' });
  });

  it('refuses content that does not match the extension (a renamed or truncated file)', () => {
    expect(attachmentKindOf('letter.pdf', bytes(0x4d, 0x5a, 0x90, 0x00))).toEqual({ problem: 'content' });
    expect(attachmentKindOf('photo.png', bytes(0x89, 0x50))).toEqual({ problem: 'content' });
  });

  it('takes plain text as it is', () => {
    expect(attachmentKindOf('记录.txt', Buffer.from('任何内容'))).toEqual({
      kind: expect.objectContaining({ extensions: ['txt'] }),
    });
  });

  it('lists the extensions for a file picker', () => {
    expect(ATTACHMENT_EXTENSIONS).toEqual(expect.arrayContaining(['.pdf', '.jpg', '.ofd', '.txt']));
    expect(extensionOf('a.b.XLSX')).toBe('xlsx');
  });
});
