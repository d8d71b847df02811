import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatLocalDateTime } from '../clock/time-zone';
import { CASE_EVENT_TYPES } from './case-events';
import { SYSTEM_EVENT_TYPES } from './event-types';
import {
  describeEventDetails,
  EVENT_TYPE_LABELS,
  EVENT_TYPE_LABELS_EN,
  eventTypeLabel,
  type NameDirectory,
  RECORDED_EVENT_TYPES,
  referencedNames,
} from './event-vocabulary';

const ROOT = join(__dirname, '..', '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') && name !== 'test-kit.ts' ? [path] : [];
  });
}

/**
 * Every event type the code can record, read from the code itself: the actions' events, each literal
 * the workflow passes to record(…) (its system events), and each event object the domain builds
 * (`type: '…', at: …`). A new event type anywhere without a label makes this list outgrow the labels.
 */
function recordableEventTypes(): string[] {
  const found = new Set<string>(Object.values(CASE_EVENT_TYPES));
  for (const file of sourceFiles(join(ROOT, 'workflows'))) {
    const source = readFileSync(file, 'utf8');
    for (const call of source.matchAll(/\brecord\(\s*([^,]+),/g)) {
      // A literal or a typed constant (EVENT_TYPES.deadlineWarning).
      for (const named of call[1].matchAll(/'(\w+)'|\bEVENT_TYPES\.(\w+)/g)) found.add(named[1] ?? named[2]);
    }
  }
  for (const file of sourceFiles(join(ROOT, 'libs', 'domain', 'src'))) {
    const source = readFileSync(file, 'utf8');
    for (const event of source.matchAll(/type:\s*'(\w+)',\s*at:/g)) found.add(event[1]);
  }
  return [...found].sort();
}

const names: NameDirectory = {
  personName: (id) => ({ 'u-917c782e': '王登记', 'u-handler': '李承办' })[id],
  unitName: (code) => ({ DH: '东湖街道', QX: '青溪区' })[code],
};
const shanghai = (iso: string) => formatLocalDateTime(Date.parse(iso), 'Asia/Shanghai');

describe('the event vocabulary', () => {
  it('labels every event type the workflow and the domain can record, in Chinese and in English', () => {
    const types = recordableEventTypes();
    // The scan does find every event the engine records by itself (each is recorded somewhere, and
    // otherwise this test would prove nothing), and the recusal events.
    expect(types).toEqual(
      expect.arrayContaining([
        ...SYSTEM_EVENT_TYPES,
        'interestDeclared',
        'recusalRequested',
        'recusalDecided',
      ]),
    );
    const unlabelled = types.filter(
      (type) => !(type in EVENT_TYPE_LABELS) || !(type in EVENT_TYPE_LABELS_EN),
    );
    expect(unlabelled).toEqual([]);
    expect([...RECORDED_EVENT_TYPES].sort()).toEqual(expect.arrayContaining(types));
    for (const type of RECORDED_EVENT_TYPES) {
      expect(EVENT_TYPE_LABELS[type]).toMatch(/[\u4e00-\u9fff]/);
      expect(EVENT_TYPE_LABELS_EN[type]).toMatch(/^[A-Z]/);
    }
  });

  it('names the system events as an office does, and an unknown type without showing it bare', () => {
    expect(eventTypeLabel('deadlineEscalated')).toBe('超期升级');
    expect(eventTypeLabel('caseAccepted')).toBe('受理');
    expect(eventTypeLabel('feedbackDueWarning')).toBe('交办反馈临期');
    expect(eventTypeLabel('somethingNew')).toBe('其他事件（somethingNew）');
  });

  it('shows an instant in Asia/Shanghai as 2026-12-04 23:12 (UTC+8)', () => {
    // 15:12:16 UTC + 8 h = 23:12:16 the same day; 16:00 UTC on 30 Nov is midnight of 1 Dec.
    expect(formatLocalDateTime(Date.parse('2026-12-04T15:12:16.000Z'), 'Asia/Shanghai')).toBe(
      '2026-12-04 23:12',
    );
    expect(
      formatLocalDateTime(Date.parse('2026-12-04T15:12:16.000Z'), 'Asia/Shanghai', { seconds: true }),
    ).toBe('2026-12-04 23:12:16');
    expect(formatLocalDateTime(Date.parse('2026-11-30T16:00:00.000Z'), 'Asia/Shanghai')).toBe(
      '2026-12-01 00:00',
    );
  });

  it('reads the raw values of the details as their labels: clock, delivery (art. 32), document, body', () => {
    const lines = describeEventDetails(
      {
        caseNumber: 'QX-DH-2026-000037',
        clock: 'triage',
        dueAt: '2026-11-30T16:00:00.000Z',
        method: 'inPerson',
        document: 'reply',
        deliveredOn: '2026-12-02',
        body: { code: 'QX', kind: 'unit' },
        toUnitCode: 'DH',
        handlerUserId: 'u-handler',
        recipientRole: 'supervisionOffice',
        recipients: [{ userId: 'u-917c782e', name: '王登记', role: 'clerk', unitCode: 'DH', via: 'post' }],
        evidenceRefs: ['attachment:1#sha256=ab', 'attachment:2#sha256=cd'],
        granted: true,
        reason: 'lawfulChannel',
      },
      names,
      shanghai,
    );
    expect(lines.map(({ label, text }) => `${label}: ${text}`)).toEqual([
      '时限: 分流时限',
      '到期时间: 2026-12-01 00:00',
      '送达方式: 直接送达',
      '文书: 信访处理意见书',
      '送达日期: 2026-12-02',
      '办理机关: 青溪区（QX）',
      '接收单位: 东湖街道（DH）',
      '责任人: 李承办',
      '接收角色: 督查室',
      '接收人: 王登记（东湖街道）',
      '佐证材料: 2 份',
      '同意: 是',
      '理由: 应通过诉讼、仲裁、行政复议等法定途径解决',
    ]);
  });

  it('writes nested records (six defines) by their field labels, people by name', () => {
    const [defines] = describeEventDetails(
      {
        defines: {
          packageLeader: { userId: 'u-x', name: '赵领导', role: 'unitLeader', unitCode: 'QX' },
          responsibleUnitCode: 'DH',
          completionDeadline: '2027-01-10',
        },
      },
      names,
      shanghai,
    );
    expect(defines).toEqual({
      key: 'defines',
      label: '六定',
      text: '包案领导：赵领导（青溪区）；责任单位：东湖街道（DH）；办结时限：2027-01-10',
    });
  });

  it('collects the people and units the details refer to, nested ones included', () => {
    const found = referencedNames({
      handlerUserId: 'u-1',
      performedByUserIds: ['u-2'],
      body: { kind: 'unit', code: 'QX' },
      defines: { responsibleUnitCode: 'DH', handler: { userId: 'u-3', unitCode: 'T1' } },
    });
    expect([...found.userIds].sort()).toEqual(['u-1', 'u-2', 'u-3']);
    expect([...found.unitCodes].sort()).toEqual(['DH', 'QX', 'T1']);
  });
});
