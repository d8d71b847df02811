import { createHash } from 'node:crypto';
import { CaseJourney, createJourneyOrg, shanghaiDay } from './support/case-journey';
import { getJson, postJson } from './support/http';
import { createUnit, startTestStack, type TestStack } from './support/stack';
import { bearer, signIn, type SignedIn } from './support/staff-sessions';

/** Files attached to cases over the real API: types, limits, retries, sealing at rest and who may see them. */
describe('case attachments', () => {
  const MAX_BYTES = 4096;
  let stack: TestStack;
  let unitCode: string;
  let clerk: SignedIn;
  let handler: SignedIn;
  let supervisor: SignedIn;
  let outsider: SignedIn;
  let caseNumber: string;

  const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% 信访材料扫描件\n');

  beforeAll(async () => {
    process.env.ATTACHMENT_MAX_BYTES = String(MAX_BYTES);
    stack = await startTestStack();
    unitCode = await createUnit(stack.db, '附件测试区');
    const otherUnit = await createUnit(stack.db, '无关单位');
    clerk = await signIn(stack, unitCode, ['clerk'], '附件登记员');
    handler = await signIn(stack, unitCode, ['handler'], '附件承办人');
    supervisor = await signIn(stack, unitCode, ['supervisor'], '附件督查员');
    outsider = await signIn(stack, otherUnit, ['clerk'], '外单位登记员');
    caseNumber = await register(clerk, { category: 'grievance', subject: '附件测试' });
  });

  afterAll(() => stack?.close());

  async function register(by: SignedIn, body: object): Promise<string> {
    const created = await postJson(
      `${stack.api.url}/cases`,
      { channel: 'letter', petitioner: { name: '附件人' }, content: '请核查。', unitCode, ...body },
      bearer(by),
    );
    expect(created.status).toBe(201);
    return created.body.caseNumber as string;
  }

  async function upload(
    by: SignedIn,
    files: { name: string; content: Buffer; field?: string }[],
    onCase = caseNumber,
    extraFields: Record<string, string> = {},
  ) {
    const form = new FormData();
    for (const file of files) form.append(file.field ?? 'file', new Blob([file.content]), file.name);
    for (const [name, value] of Object.entries(extraFields)) form.append(name, value);
    const response = await fetch(`${stack.api.url}/cases/${onCase}/attachments`, {
      method: 'POST',
      headers: bearer(by),
      body: form,
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  const storedRows = async (onCase = caseNumber): Promise<number> =>
    Number(
      (await stack.db.query(`SELECT count(*) AS n FROM case_attachments WHERE case_number = $1`, [onCase]))[0]
        .n,
    );

  it('stores a file with its digest, lists it and gives back exactly the bytes uploaded, under its Chinese name', async () => {
    const stored = await upload(handler, [{ name: '来信扫描件.pdf', content: PDF }]);
    expect(stored.status).toBe(201);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(stored.body).toMatchObject({
      caseNumber,
      fileName: '来信扫描件.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256,
      ref: `attachment:${stored.body.id}#sha256=${sha256}`,
      uploadedBy: handler.userId,
      uploadedByName: '附件承办人',
    });

    const listed = await getJson(`${stack.api.url}/cases/${caseNumber}/attachments`, bearer(supervisor));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([stored.body]);

    const download = await fetch(`${stack.api.url}/cases/${caseNumber}/attachments/${stored.body.id}`, {
      headers: bearer(supervisor),
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('来信扫描件.pdf')}`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('takes a retried upload of the same content as the same attachment, never a second row', async () => {
    const onCase = await register(clerk, { category: 'grievance', subject: '重试上传' });
    const content = Buffer.from('同一份情况说明，上传两次。');
    const first = await upload(clerk, [{ name: '说明.txt', content }], onCase);
    const retried = await upload(clerk, [{ name: '说明.txt', content }], onCase);
    expect([first.status, retried.status]).toEqual([201, 201]);
    expect(retried.body.id).toBe(first.body.id);
    expect(await storedRows(onCase)).toBe(1);
  });

  it('keeps the content sealed at rest: the stored row holds no plain text of the file', async () => {
    const onCase = await register(clerk, { category: 'grievance', subject: '密存附件' });
    const secret = '身份证号 110105194912310021 电话 13912345678';
    const stored = await upload(clerk, [{ name: '身份材料.txt', content: Buffer.from(secret) }], onCase);
    expect(stored.status).toBe(201);
    const [row] = await stack.db.query(`SELECT sealed_content FROM case_attachments WHERE id = $1`, [
      stored.body.id,
    ]);
    expect(row.sealed_content).toMatch(/^v1:/);
    expect(row.sealed_content).not.toContain('110105194912310021');
    expect(Buffer.from(row.sealed_content.split(':')[2], 'base64').toString('latin1')).not.toContain(
      '110105194912310021',
    );
  });

  it.each([
    [
      'too large',
      [{ name: '大文件.pdf', content: Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]) }],
      {},
      413,
      'ATTACHMENT_TOO_LARGE',
      'file',
    ],
    [
      'an executable',
      [{ name: 'setup.exe', content: Buffer.from('MZ\x90\x00') }],
      {},
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      'file',
    ],
    [
      'a file whose content is not what its name says',
      [{ name: '照片.png', content: Buffer.from('MZ\x90\x00 not a png') }],
      {},
      415,
      'ATTACHMENT_CONTENT_MISMATCH',
      'file',
    ],
    ['an empty file', [{ name: '空.txt', content: Buffer.alloc(0) }], {}, 422, 'ATTACHMENT_EMPTY', 'file'],
    [
      'a file name longer than 255 characters',
      [{ name: `${'长'.repeat(252)}.txt`, content: Buffer.from('a') }],
      {},
      422,
      'ATTACHMENT_NAME_INVALID',
      'file',
    ],
    ['no file', [], {}, 400, 'ATTACHMENT_MISSING', 'file'],
    [
      'two files',
      [
        { name: 'a.txt', content: Buffer.from('a') },
        { name: 'b.txt', content: Buffer.from('b') },
      ],
      {},
      400,
      'ATTACHMENT_UNEXPECTED_FIELD',
      'file',
    ],
    [
      'a file under another field name',
      [{ name: 'a.txt', content: Buffer.from('a'), field: 'document' }],
      {},
      400,
      'ATTACHMENT_UNEXPECTED_FIELD',
      'document',
    ],
    [
      'an extra field beside the file',
      [{ name: 'a.txt', content: Buffer.from('a') }],
      { status: 'closed' },
      400,
      'ATTACHMENT_UNEXPECTED_FIELD',
      'status',
    ],
  ])(
    'refuses %s with a stable code and the field, storing nothing',
    async (_what, files, extra, status, code, field) => {
      const onCase = await register(clerk, { category: 'grievance', subject: `拒收 ${code}` });
      const refused = await upload(handler, files, onCase, extra);
      expect([refused.status, refused.body.code, refused.body.fields?.[0]?.field]).toEqual([
        status,
        code,
        field,
      ]);
      expect(refused.body.message).toMatch(/[\u4e00-\u9fa5].* \/ [a-z]/i);
      expect(await storedRows(onCase)).toBe(0);
    },
  );

  it('answers 404 for an attachment of another case, and for a case the caller cannot see', async () => {
    const other = await register(clerk, { category: 'grievance', subject: '另一件' });
    const stored = await upload(clerk, [{ name: '另件.txt', content: Buffer.from('另一件的材料') }], other);
    const crossed = await getJson(
      `${stack.api.url}/cases/${caseNumber}/attachments/${stored.body.id}`,
      bearer(clerk),
    );
    expect([crossed.status, crossed.body.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);

    for (const path of [`/cases/${other}/attachments`, `/cases/${other}/attachments/${stored.body.id}`]) {
      const hidden = await getJson(`${stack.api.url}${path}`, bearer(outsider));
      expect([path, hidden.status, hidden.body.code]).toEqual([path, 404, 'CASE_NOT_FOUND']);
    }
    const foreignUpload = await upload(outsider, [{ name: 'x.txt', content: Buffer.from('x') }], other);
    expect([foreignUpload.status, foreignUpload.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
    expect(await storedRows(other)).toBe(1);
  });

  it('refuses uploads by a role that only reads (a supervisor) before looking at the case', async () => {
    const refused = await upload(supervisor, [{ name: 'a.txt', content: Buffer.from('a') }]);
    expect([refused.status, refused.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
  });

  it("keeps an accusation's attachments from the accused, and records each read of them", async () => {
    const accusedPerson = await signIn(stack, unitCode, ['handler'], '被举报人');
    const accusation = await register(clerk, {
      category: 'accusation',
      subject: '检举材料',
      accused: { unitCodes: [], userIds: [accusedPerson.userId] },
    });
    const stored = await upload(clerk, [{ name: '证据.pdf', content: PDF }], accusation);
    expect(stored.status).toBe(201);
    for (const path of [
      `/cases/${accusation}/attachments`,
      `/cases/${accusation}/attachments/${stored.body.id}`,
    ]) {
      const hidden = await getJson(`${stack.api.url}${path}`, bearer(accusedPerson));
      expect([path, hidden.status]).toEqual([path, 404]);
    }
    expect(
      (await getJson(`${stack.api.url}/cases/${accusation}/attachments`, bearer(supervisor))).status,
    ).toBe(200);
    const reads = await stack.db.query(
      `SELECT user_id FROM access_audit WHERE case_number = $1 AND reason = 'attachments'`,
      [accusation],
    );
    expect(reads).toEqual([{ user_id: supervisor.userId }]);
  });

  it("lets a duty's evidence name an attachment of the case (digest included), and nothing else", async () => {
    const org = await createJourneyOrg(stack);
    const journey = await CaseJourney.register(stack, org);
    await journey.act(org.clerkD, 'accept');
    await journey.defineSix();
    const photo = await upload(
      org.handlerT,
      [{ name: '现场照片.txt', content: Buffer.from('现场核查记录') }],
      journey.caseNumber,
    );
    const elsewhere = await upload(clerk, [{ name: '别案.txt', content: Buffer.from('别案材料') }]);
    const duty = (evidenceRefs: string[]) =>
      postJson(
        `${stack.api.url}/cases/${journey.caseNumber}/actions/recordDuty`,
        {
          duty: 'investigate',
          performedByUserIds: [org.handlerT.userId],
          performedOn: shanghaiDay(),
          summary: '现场核查',
          evidenceRefs,
        },
        bearer(org.handlerT),
      );

    const forged = photo.body.ref.replace(/sha256=\w{4}/, 'sha256=0000');
    for (const refs of [[forged], ['纸质笔录一份', elsewhere.body.ref]]) {
      const refused = await duty(refs);
      expect([refused.status, refused.body.code, refused.body.fields[0].field]).toEqual([
        422,
        'EVIDENCE_NOT_ATTACHED',
        `evidenceRefs[${refs.length - 1}]`,
      ]);
    }
    const recorded = await duty(['纸质笔录一份', photo.body.ref]);
    expect(recorded.status).toBe(200);
    const timeline = await getJson(
      `${stack.api.url}/cases/${journey.caseNumber}/timeline`,
      bearer(org.handlerT),
    );
    const dutyEvents = timeline.body.filter((event: { type: string }) => event.type === 'dutyRecorded');
    expect(dutyEvents).toHaveLength(1);
    expect(JSON.stringify(dutyEvents[0])).toContain(photo.body.ref);
  });
});
