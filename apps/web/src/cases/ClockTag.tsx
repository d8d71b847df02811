import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatOfficeTime } from '../common/office-time';
import { useNow } from '../common/use-now';
import { timeLeft, URGENCY_COLOURS, urgencyOf } from './urgency';

/** A running clock: its name, the time left (or overdue by), coloured by urgency; the due time on hover. */
export function ClockTag(props: { clock: string | null; dueAt: string | null; overdueLevel: number }) {
  const { t } = useTranslation();
  const now = useNow();
  if (!props.clock || !props.dueAt) return <Tag>{t('clock.none')}</Tag>;
  const left = timeLeft(props.dueAt, now);
  const urgency = urgencyOf(props, now);
  const amount = t('clock.amount', { days: left.days, hours: left.hours, minutes: left.minutes });
  return (
    <Tooltip title={t('clock.dueAt', { time: formatOfficeTime(props.dueAt) })}>
      <Tag color={URGENCY_COLOURS[urgency]} data-testid="clock" data-urgency={urgency}>
        {t(`clock.name.${props.clock}`, props.clock)} ·{' '}
        {left.overdue ? t('clock.overdueBy', { amount }) : t('clock.left', { amount })}
        {props.overdueLevel > 0 && ` · ${t('clock.level', { level: props.overdueLevel })}`}
      </Tag>
    </Tooltip>
  );
}
