import { type BenchStack } from './bench-stack';

/** A registration as a clerk's client sends it; `index` varies the text a little. */
export function registrationBody(index: number, unitCode: string): Record<string, unknown> {
  return {
    channel: ['letter', 'visit', 'online', 'phone'][index % 4],
    petitioner: { name: `测试${index % 1000}` },
    category: index % 5 === 0 ? 'suggestion' : 'grievance',
    subject: ['拖欠工资', '噪音扰民', '道路破损', '物业纠纷'][index % 4],
    content: `压测登记第${index}件，请求协调解决。 / bench registration ${index}`,
    unitCode,
  };
}

export interface RegisterResult {
  status: number;
  caseNumber?: string;
  code?: string;
}

/** POST /api/cases as the holder of `token`, with an Idempotency-Key. */
export async function registerOverHttp(
  stack: BenchStack,
  token: string,
  key: string,
  body: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<RegisterResult> {
  const response = await fetch(`${stack.apiUrl}/api/cases`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': key,
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify(body),
    signal,
  });
  const answer = (await response.json().catch(() => ({}))) as { caseNumber?: string; code?: string };
  return { status: response.status, caseNumber: answer.caseNumber, code: answer.code };
}
