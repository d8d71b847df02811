import { parseArgs } from 'node:util';

/**
 * `API_TOKEN=<bearer token> npm run -s verify-chain -- [--api http://127.0.0.1:3000] [--case <number> …]`:
 * verifies the hash chains of the named cases, or of every case the token's holder may see when none is
 * named (a supervisor's token for the whole district), through the running API, printing one JSON line
 * per case and a summary; exits 1 when any chain is broken.
 */
interface Verification {
  caseNumber: string;
  verified: boolean;
  eventCount: number;
  headSource: string;
  firstBreak?: { seq: number; problem: string; message: string };
}

async function getJson<T>(url: string): Promise<T> {
  const token = process.env.API_TOKEN;
  if (!token)
    throw new Error('API_TOKEN 未设置 / set API_TOKEN to a staff bearer token (POST /api/auth/login)');
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function* allCaseNumbers(api: string): AsyncGenerator<string> {
  let cursor: string | null = null;
  do {
    const page: { items: { caseNumber: string }[]; nextCursor: string | null } = await getJson(
      `${api}/api/cases?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    for (const item of page.items) yield item.caseNumber;
    cursor = page.nextCursor;
  } while (cursor);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      api: { type: 'string', default: process.env.API_URL ?? 'http://127.0.0.1:3000' },
      case: { type: 'string', multiple: true },
    },
  });
  const api = values.api!.replace(/\/$/, '');
  const numbers = values.case?.length ? values.case : allCaseNumbers(api);
  let checked = 0;
  let broken = 0;
  for await (const caseNumber of numbers) {
    const report = await getJson<Verification>(
      `${api}/api/cases/${encodeURIComponent(caseNumber)}/verification`,
    );
    checked++;
    if (!report.verified) broken++;
    process.stdout.write(`${JSON.stringify(report)}\n`);
    if (checked % 100 === 0)
      process.stderr.write(`[verify] ${checked} 件已校验 / cases checked, ${broken} broken\n`);
  }
  process.stderr.write(`[verify] 完成 / done: ${checked} checked, ${broken} broken\n`);
  return broken === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      `[verify] 失败 / failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  },
);
