import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api/types';
import { formatOfficeTime } from '../common/office-time';
import { currentSixDefines } from './case-summary';

/** The six defines (六定) as a read-only summary, once they are set. */
export function SixDefinesSummary(props: { timeline: TimelineEntry[] }) {
  const { t } = useTranslation();
  const defines = currentSixDefines(props.timeline);
  if (!defines) return null;
  const person = (value: { userId: string; name: string } | null) =>
    value ? `${value.name}（${value.userId}）` : '—';
  return (
    <Card
      title={t('sixDefines.title')}
      extra={t('sixDefines.setAt', { time: formatOfficeTime(defines.at) })}
      data-testid="six-defines"
    >
      <Descriptions
        column={3}
        size="small"
        items={[
          { key: 'leader', label: t('sixDefines.packageLeader'), children: person(defines.packageLeader) },
          {
            key: 'unit',
            label: t('sixDefines.responsibleUnit'),
            children: defines.responsibleUnitCode ?? '—',
          },
          { key: 'handler', label: t('sixDefines.handler'), children: person(defines.handler) },
          {
            key: 'plan',
            label: t('sixDefines.resolutionPlan'),
            children: defines.resolutionPlan ?? '—',
            span: 3,
          },
          {
            key: 'target',
            label: t('sixDefines.targetOutcome'),
            children: defines.targetOutcome ?? '—',
            span: 2,
          },
          {
            key: 'deadline',
            label: t('sixDefines.completionDeadline'),
            children: defines.completionDeadline ?? '—',
          },
        ]}
      />
    </Card>
  );
}
