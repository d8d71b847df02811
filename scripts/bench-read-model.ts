import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { type DataSource } from 'typeorm';
import {
  caseTimeline,
  type CaseViewer,
  createDataSource,
  listCases,
  migrateDatabase,
  provisionDatabase,
} from '../libs/persistence/src';
import { startEmbeddedPostgres } from '../libs/persistence/src/embedded-postgres';

/**
 * `npm run bench:read-model -- [--cases 1000000] [--events-per-case 10] [--samples 200]`
 * Loads N cases and N×k events into a PostgreSQL of its own (synthetic rows written straight into the
 * tables: this measures queries, not intake), then prints p50/p99 of the staff list, Chinese search
 * (two- and three-character words) and the timeline, as a JSON line and a Markdown table.
 */
const TOPICS = [
  '拖欠工资',
  '噪音扰民',
  '道路破损',
  '征地补偿',
  '物业纠纷',
  '医疗纠纷',
  '教育收费',
  '环境污染',
  '违章建筑',
  '社保待遇',
  '农民工工资',
  '房屋漏水',
];
const FILLER = [
  '请求有关部门协调解决',
  '多次反映未果',
  '影响正常生活',
  '希望尽快处理',
  '涉及村民多人',
  '已向社区反映',
  '要求依法处理',
  '情况属实',
];
const UNITS = [
  'QX',
  'QX-DZ',
  'QX-XZ',
  'QX-CJ',
  'QX-HB',
  'QX-ZJ',
  'QX-RS',
  'QX-GT',
  'QX-DZ-01',
  'QX-DZ-02',
  'QX-XZ-01',
  'QX-CJ-01',
];

async function timed(label: string, run: () => Promise<void>): Promise<void> {
  const started = Date.now();
  await run();
  process.stderr.write(`[bench] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

async function load(db: DataSource, cases: number, eventsPerCase: number): Promise<void> {
  await db.query(`INSERT INTO units (code, name, level, parent_code) VALUES
    ('QX-DZ','东镇','town','QX'),('QX-XZ','西镇','town','QX'),('QX-CJ','城关街道','town','QX'),('QX-HB','河北街道','town','QX'),
    ('QX-ZJ','区住建局','department','QX'),('QX-RS','区人社局','department','QX'),('QX-GT','区自然资源局','department','QX'),
    ('QX-DZ-01','东村','village','QX-DZ'),('QX-DZ-02','南村','village','QX-DZ'),('QX-XZ-01','西村','village','QX-XZ'),('QX-CJ-01','城关社区','village','QX-CJ')
    ON CONFLICT DO NOTHING`);
  const batch = 100_000;
  await timed(`${cases} submissions and cases`, async () => {
    for (let from = 1; from <= cases; from += batch) {
      const to = Math.min(cases, from + batch - 1);
      await db.query(
        `INSERT INTO case_submissions (case_number, channel, category, subject, content, petitioner_name, unit_code, registering_unit_code, received_at, submitted_at)
         SELECT 'B-' || lpad(i::text, 8, '0'), (ARRAY['letter','visit','online','phone'])[1 + i % 4],
                (ARRAY['suggestion','accusation','grievance'])[1 + i % 3],
                topic, topic || '，' || ($4::text[])[1 + i % 8] || '，' || ($4::text[])[1 + (i / 8) % 8] || '。',
                '某', ($5::text[])[1 + i % cardinality($5::text[])], 'QX', now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
         FROM generate_series($1::int, $2::int) i, LATERAL (SELECT ($3::text[])[1 + (i * 7) % cardinality($3::text[])] AS topic) t`,
        [from, to, TOPICS, FILLER, UNITS],
      );
      await db.query(
        `INSERT INTO cases (case_number, workflow_id, status, category, channel, subject, unit_code, registering_unit_code, holding_unit_code,
                            responsible_unit_code, clock, due_at, overdue_level, received_at, registered_at, event_count, last_event_hash, updated_at, search_vector)
         SELECT s.case_number, 'petition-case-' || s.case_number,
                (ARRAY['registered','accepted','inHandling','replied','closed','concluded'])[1 + (hashtext(s.case_number) & 5)],
                s.category, s.channel, s.subject, s.unit_code, 'QX', s.unit_code, s.unit_code, 'handling',
                s.received_at + interval '60 days', (hashtext(s.case_number) & 3), s.received_at, s.received_at, $3, md5(s.case_number) || md5(s.case_number), s.received_at,
                cjk_bigrams(s.subject || ' ' || s.content)
         FROM case_submissions s
         WHERE s.case_number BETWEEN 'B-' || lpad($1::text, 8, '0') AND 'B-' || lpad($2::text, 8, '0')`,
        [from, to, eventsPerCase],
      );
      process.stderr.write(`[bench] loaded cases ${to}/${cases}\n`);
    }
  });
  await timed(`${cases * eventsPerCase} events`, async () => {
    for (let from = 1; from <= cases; from += batch) {
      const to = Math.min(cases, from + batch - 1);
      await db.query(
        `INSERT INTO case_events (case_number, seq, type, actor_id, actor_role, actor_unit, occurred_at, payload, prev_hash, hash)
         SELECT 'B-' || lpad(i::text, 8, '0'), seq, (ARRAY['caseRegistered','caseAccepted','sixDefinesSet','dutyRecorded','reminderSent'])[1 + least(seq - 1, 4)],
                'u-' || (i % 97), 'handler', 'QX', now() - (i || ' minutes')::interval + (seq || ' hours')::interval,
                jsonb_build_object('status', 'accepted', 'note', '第' || seq || '次记录'), md5(i::text || (seq - 1)) || md5(i::text), md5(i::text || seq) || md5(i::text)
         FROM generate_series($1::int, $2::int) i, generate_series(1, $3::int) seq`,
        [from, to, eventsPerCase],
      );
      process.stderr.write(`[bench] loaded events for ${to}/${cases} cases\n`);
    }
  });
  await timed('ANALYZE', () => db.query('ANALYZE').then(() => undefined));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(
  samples: number,
  run: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p99: number }> {
  await run(0); // warm the plan cache
  const times: number[] = [];
  for (let i = 1; i <= samples; i++) {
    const started = process.hrtime.bigint();
    await run(i);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: Number(percentile(times, 50).toFixed(2)), p99: Number(percentile(times, 99).toFixed(2)) };
}

/** `--explain`: the plan PostgreSQL chose for each list query, to see why one is slow. */
async function explainLists(db: DataSource, viewer: CaseViewer, townViewer: CaseViewer): Promise<void> {
  const explaining = Object.create(db) as DataSource;
  explaining.query = async (sql: string, params?: unknown[]) => {
    const plan: { 'QUERY PLAN': string }[] = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    process.stderr.write(`${plan.map((row) => row['QUERY PLAN']).join('\n')}\n\n`);
    return db.query(sql, params);
  };
  for (const filter of [
    { viewer },
    { viewer: townViewer, statuses: ['accepted', 'inHandling'] },
    { viewer, minOverdueLevel: 2 },
    { viewer, text: '工资' },
    { viewer, text: '农民工' },
  ]) {
    process.stderr.write(`[explain] ${JSON.stringify(filter)}\n`);
    await listCases(explaining, filter, 20);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000000' },
      'events-per-case': { type: 'string', default: '10' },
      samples: { type: 'string', default: '200' },
      explain: { type: 'boolean', default: false },
    },
  });
  const cases = Number(values.cases);
  const eventsPerCase = Number(values['events-per-case']);
  const samples = Number(values.samples);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir, logFile: path.join(dataDir, 'postgres.log') });
  try {
    const urls = await provisionDatabase(postgres.superuserUrl, postgres.credentials);
    await migrateDatabase(urls);
    const owner = await createDataSource({ url: urls.ownerUrl, poolSize: 2 }).initialize();
    await load(owner, cases, eventsPerCase);
    await owner.destroy();
    const db = await createDataSource({ url: urls.appUrl, poolSize: 2 }).initialize();
    const number = (i: number) => `B-${String(1 + ((i * 7919) % cases)).padStart(8, '0')}`;
    // A district supervisor sees every case; a town's staff see their own town's subtree.
    const viewer = { userId: 'bench-supervisor', unitCode: 'QX' };
    const townViewer = (i: number) => ({ userId: `bench-clerk-${i % 5}`, unitCode: UNITS[i % 5]! });
    const results = {
      listFirstPage: await measure(samples, () => listCases(db, { viewer }, 20)),
      // The console's work queue: open cases, most urgent first, 100 rows and the total (issue 13).
      queueFirstRows: await measure(samples, () =>
        listCases(db, { viewer, statuses: ['registered', 'accepted', 'inHandling'] }, 100),
      ),
      queueTownFirstRows: await measure(samples, (i) =>
        listCases(db, { viewer: townViewer(i), statuses: ['registered', 'accepted', 'inHandling'] }, 100),
      ),
      queueDueWithin3Days: await measure(samples, () =>
        listCases(
          db,
          { viewer, dueWindow: { timeZone: 'Asia/Shanghai', days: 3, fromStartOfToday: false } },
          100,
        ),
      ),
      listUnitSubtree: await measure(samples, (i) =>
        listCases(db, { viewer: townViewer(i), statuses: ['accepted', 'inHandling'] }, 20),
      ),
      listOverdue: await measure(samples, () => listCases(db, { viewer, minOverdueLevel: 2 }, 20)),
      search2Chars: await measure(samples, (i) =>
        listCases(db, { viewer, text: ['工资', '噪音', '漏水', '补偿'][i % 4]! }, 20),
      ),
      search3Chars: await measure(samples, (i) =>
        listCases(db, { viewer, text: ['农民工', '违章建', '社保待'][i % 3]! }, 20),
      ),
      timeline: await measure(samples, (i) => caseTimeline(db, number(i))),
    };
    if (values.explain) await explainLists(db, viewer, townViewer(0));
    await db.destroy();
    const machine = `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.cpus()[0]?.model ?? 'unknown CPU'}`;
    process.stdout.write(
      `${JSON.stringify({ bench: 'read-model', cases, events: cases * eventsPerCase, samples, machine, results })}\n`,
    );
    process.stdout.write(
      `\n| query (${cases.toLocaleString('en')} cases, ${(cases * eventsPerCase).toLocaleString('en')} events) | p50 ms | p99 ms |\n|---|---|---|\n`,
    );
    for (const [name, figure] of Object.entries(results))
      process.stdout.write(`| ${name} | ${figure.p50} | ${figure.p99} |\n`);
  } finally {
    await postgres.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(
    `[bench] 失败 / failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
