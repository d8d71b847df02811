/**
 * The kinds of file a case may carry as an attachment (letters, photos, scanned documents, office files),
 * recognised by file extension and confirmed by the file's first bytes, so a renamed executable or a
 * mislabelled file is refused before it is stored.
 */
export interface AttachmentKind {
  extensions: readonly string[];
  contentType: string;
  /** The leading bytes every such file starts with; none for plain text. */
  signature?: readonly number[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const ATTACHMENT_KINDS: readonly AttachmentKind[] = [
  { extensions: ['pdf'], contentType: 'application/pdf', signature: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg', signature: [0xff, 0xd8, 0xff] },
  {
    extensions: ['png'],
    contentType: 'image/png',
    signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  // OFD, the national standard for electronic documents (GB/T 33190), is a zip package.
  { extensions: ['ofd'], contentType: 'application/ofd', signature: ZIP },
  {
    extensions: ['docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    signature: ZIP,
  },
  {
    extensions: ['xlsx'],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    signature: ZIP,
  },
  { extensions: ['doc'], contentType: 'application/msword', signature: OLE },
  { extensions: ['xls'], contentType: 'application/vnd.ms-excel', signature: OLE },
  { extensions: ['txt'], contentType: 'text/plain; charset=utf-8' },
];

/** For a file picker's `accept`: every allowed extension. */
export const ATTACHMENT_EXTENSIONS: readonly string[] = ATTACHMENT_KINDS.flatMap((kind) =>
  kind.extensions.map((extension) => `.${extension}`),
);

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The kind of an uploaded file, or why it is refused: an extension not on the list, or content that
 * does not start the way such a file does.
 */
export function attachmentKindOf(
  fileName: string,
  head: Uint8Array,
): { kind: AttachmentKind } | { problem: 'extension' | 'content' } {
  const extension = extensionOf(fileName);
  const kind = ATTACHMENT_KINDS.find((candidate) => candidate.extensions.includes(extension));
  if (!kind) return { problem: 'extension' };
  const signature = kind.signature ?? [];
  const matches = signature.every((byte, index) => head[index] === byte);
  return matches ? { kind } : { problem: 'content' };
}
