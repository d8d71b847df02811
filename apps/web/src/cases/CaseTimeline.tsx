import { Descriptions, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api/types';

function detailText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Every recorded event in order: what, who (role, unit), when, and the status change. */
export function CaseTimeline(props: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="timeline"
      items={props.entries.map((entry) => ({
        key: entry.seq,
        color:
          entry.type === 'deadlineEscalated' ? 'red' : entry.type === 'deadlineWarning' ? 'orange' : 'blue',
        content: (
          <div className="timeline-entry">
            <Typography.Text strong>
              #{entry.seq} {t(`event.${entry.type}`, { defaultValue: t(`action.${entry.type}`, entry.type) })}
            </Typography.Text>{' '}
            {entry.fromStatus !== entry.status && entry.status && (
              <Tag>
                {entry.fromStatus ? `${t(`status.${entry.fromStatus}`, entry.fromStatus)} → ` : ''}
                {t(`status.${entry.status}`, entry.status)}
              </Tag>
            )}
            <div>
              <Typography.Text type="secondary">
                {dayjs(entry.occurredAt).format('YYYY-MM-DD HH:mm:ss')} ·{' '}
                {t(`role.${entry.actorRole}`, entry.actorRole)} {entry.actorId}{' '}
                {entry.actorUnit ? `· ${entry.actorUnit}` : ''}
              </Typography.Text>
            </div>
            {Object.keys(entry.details).length > 0 && (
              <Descriptions
                size="small"
                column={1}
                items={Object.entries(entry.details).map(([key, value]) => ({
                  key,
                  label: t(`field.${key}`, key),
                  children: detailText(value),
                }))}
              />
            )}
          </div>
        ),
      }))}
    />
  );
}
