import { noticeDisposition, rfc5987 } from './notice-file';

describe('how a notice downloads', () => {
  it('names the file <case number>-<notice title>.pdf in RFC 5987 form, with an ASCII fallback', () => {
    expect(noticeDisposition({ caseNumber: 'QX-DH-2026-000037', title: '受理告知书', id: '12' })).toBe(
      `attachment; filename="QX-DH-2026-000037-notice-12.pdf"; filename*=UTF-8''QX-DH-2026-000037-%E5%8F%97%E7%90%86%E5%91%8A%E7%9F%A5%E4%B9%A6.pdf`,
    );
  });

  it("percent-encodes the characters encodeURIComponent leaves but RFC 5987 forbids: ' ( ) *", () => {
    expect(rfc5987("a'(b)*.pdf")).toBe("UTF-8''a%27%28b%29%2A.pdf");
  });
});
