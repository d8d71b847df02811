import { detailText } from './timeline-details';

const LABELS: Record<string, string> = {
  headcount: '来访人数',
  handler: '责任人',
  resolutionPlan: '化解方案',
};
const label = (key: string) => LABELS[key] ?? key;

describe('timeline details as text', () => {
  it('names people by name and unit, never by their user ID', () => {
    const recipients = [
      { via: 'vacancyFallback', name: '区负责人', role: 'unitLeader', userId: 'u-FEAF4E90', unitCode: 'N17' },
      { name: '镇承办人', role: 'handler', userId: 'u-3BAC05CF', unitCode: 'N17-T' },
    ];
    expect(detailText(recipients, label)).toBe('区负责人（N17）、镇承办人（N17-T）');
  });

  it('names a deciding body by its unit code, or an external body by its name (arts. 35–36)', () => {
    expect(detailText({ kind: 'unit', code: 'N17' }, label)).toBe('N17');
    expect(detailText({ kind: 'external', name: '市信访局' }, label)).toBe('市信访局');
  });

  it('shows a nested record under its field labels, leaving references out', () => {
    expect(detailText({ headcount: 30, representativeRefs: ['case_representatives/X#1'] }, label)).toBe(
      '来访人数：30',
    );
    expect(
      detailText(
        { handler: { name: '镇承办人', userId: 'u-1', unitCode: 'T' }, resolutionPlan: '现场核查' },
        label,
      ),
    ).toBe('责任人：镇承办人（T）；化解方案：现场核查');
  });

  it('keeps plain values as they are and marks an empty one', () => {
    expect(detailText('来信', label)).toBe('来信');
    expect(detailText(0.82, label)).toBe('0.82');
    expect(detailText(['EV-工资表', '现场照片'], label)).toBe('EV-工资表、现场照片');
    expect(detailText(null, label)).toBe('—');
  });
});
