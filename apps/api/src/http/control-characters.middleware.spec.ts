import { type Request, type Response } from 'express';
import { fieldWithControlCharacter, rejectControlCharacters } from './control-characters.middleware';

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

describe('the control characters middleware', () => {
  function answer(request: Partial<Request>): { status?: number; body?: unknown; passed: boolean } {
    const seen: { status?: number; body?: unknown; passed: boolean } = { passed: false };
    const response = {
      status(code: number) {
        seen.status = code;
        return this;
      },
      json(body: unknown) {
        seen.body = body;
        return this;
      },
    } as unknown as Response;
    rejectControlCharacters(request as Request, response, () => (seen.passed = true));
    return seen;
  }

  it('refuses a query parameter holding one (PostgreSQL cannot compare NUL), naming the parameter', () => {
    const seen = answer({ body: undefined, query: { q: 'a\u0000b' } });
    expect(seen.passed).toBe(false);
    expect(seen.status).toBe(400);
    expect(seen.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'q', code: 'controlCharacter' }],
    });
  });

  it('passes a clean body and query on', () => {
    expect(answer({ body: { subject: '工资' }, query: { q: '张' } }).passed).toBe(true);
  });
});
