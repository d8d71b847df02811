import { runDeadlineCli } from './deadline-cli';
import { NATIONAL_DAY_2026 } from './test-fixtures';

const CALENDAR_JSON = JSON.stringify({
  timeZone: 'Asia/Shanghai',
  weeklyRestDays: ['SAT', 'SUN'],
  holidays: ['2026-09-25', '2026-09-26', '2026-09-27', ...NATIONAL_DAY_2026.holidays],
  makeupWorkdays: NATIONAL_DAY_2026.makeupWorkdays,
});

const files: Record<string, string> = {
  'cn.json': CALENDAR_JSON,
  'broken.json': '{"timeZone":',
  'bad.json': '{"timeZone":"UTC"}',
};

function readFile(path: string): string {
  if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
  return files[path];
}

const run = (...argv: string[]) => runDeadlineCli(argv, readFile);
const good = [
  '--calendar',
  'cn.json',
  '--mode',
  'working',
  '--days',
  '5',
  '--from',
  '2026-09-28T10:00:00+08:00',
];

function expectOneErrorLine(result: ReturnType<typeof run>, text: string): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^[^\n]+\n$/);
  expect(result.stderr).toContain(text);
}

describe('deadline command', () => {
  it('prints exactly one JSON line (5 working days from 28 Sep 2026 end on the make-up Saturday 10 Oct)', () => {
    expect(run(...good)).toEqual({
      code: 0,
      stdout: '{"lastDay":"2026-10-10","endsAt":"2026-10-10T16:00:00.000Z"}\n',
      stderr: '',
    });
  });

  it('supports calendar mode, = syntax and pauses', () => {
    // 28 Sep + 3 = 1 Oct (holiday) → Thu 8 Oct; a 2-hour pause adds a day before the roll, 2 Oct → Thu 8 Oct
    // (Civil Code art. 203 read with Regulation art. 36); with the earlier counting, Fri 9 Oct.
    const argv = ['--calendar=cn.json', '--mode=calendar', '--days=3', '--from=2026-09-28T01:00:00Z'];
    expect(run(...argv).stdout).toBe('{"lastDay":"2026-10-08","endsAt":"2026-10-08T16:00:00.000Z"}\n');
    expect(run(...argv, '--pause', '2026-09-29T01:00:00Z/2026-09-29T03:00:00Z').stdout).toBe(
      '{"lastDay":"2026-10-08","endsAt":"2026-10-08T16:00:00.000Z"}\n',
    );
    expect(run(...argv, '--days=4').stdout).toBe(
      '{"lastDay":"2026-10-08","endsAt":"2026-10-08T16:00:00.000Z"}\n',
    );
  });

  it.each([
    [['--mode', 'working', '--days', '5', '--from', '2026-09-28T10:00:00+08:00'], 'missing --calendar'],
    [good.filter((_, i) => i !== 4 && i !== 5), 'missing --days'],
    [good.map((arg) => (arg === '5' ? 'five' : arg)), '--days must be a positive integer: five'],
    [good.map((arg) => (arg === '5' ? '0' : arg)), 'days must be an integer from 1'],
    [good.map((arg) => (arg === 'working' ? 'weekly' : arg)), '--mode must be calendar or working: weekly'],
    [
      good.map((arg) => (arg.startsWith('2026') ? '2026-09-28T10:00:00' : arg)),
      'from must be an ISO instant',
    ],
    [[...good, '--verbose'], '参数错误 / bad arguments'],
    [[...good, 'extra'], '参数错误 / bad arguments'],
    [
      good.map((arg) => (arg === 'cn.json' ? 'missing.json' : arg)),
      'cannot read calendar file missing.json: ENOENT',
    ],
    [
      good.map((arg) => (arg === 'cn.json' ? 'broken.json' : arg)),
      'calendar file broken.json is not valid JSON',
    ],
    [
      good.map((arg) => (arg === 'cn.json' ? 'bad.json' : arg)),
      '日历格式错误 / invalid calendar: weeklyRestDays',
    ],
    [[...good, '--pause', '2026-09-29T01:00:00Z'], '--pause must be <from>/<to>'],
  ])('rejects %j with one line on stderr and exit code 2', (argv, text) => {
    expectOneErrorLine(run(...argv), text);
  });
});
