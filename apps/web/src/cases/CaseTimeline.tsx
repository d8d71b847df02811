import { Descriptions, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES } from '../../../../libs/domain/src/case/event-types';
import type { TimelineEntry } from '../api/types';
import { formatOfficeTime } from '../common/office-time';

/** The actor's unit by name with its code beside (东湖街道（DH）); the code alone when no longer known. */
function unitText(entry: TimelineEntry): string {
  if (!entry.actorUnit) return '';
  return entry.actorUnitName ? `${entry.actorUnitName}（${entry.actorUnit}）` : entry.actorUnit;
}

/**
 * Every recorded event in order: what, who (name, role, unit), when, and the status change. The API
 * describes each event in the domain's one vocabulary (libs/domain event-vocabulary), the same words
 * as the CSV export: codes by label, people and units by name, times local.
 */
export function CaseTimeline(props: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="timeline"
      items={props.entries.map((entry) => ({
        key: entry.seq,
        color:
          entry.type === EVENT_TYPES.deadlineEscalated
            ? 'red'
            : entry.type === EVENT_TYPES.deadlineWarning
              ? 'orange'
              : 'blue',
        content: (
          <div className="timeline-entry">
            <Typography.Text strong>
              #{entry.seq} {t(`event.${entry.type}`, entry.typeLabel ?? entry.type)}
            </Typography.Text>{' '}
            {entry.fromStatus !== entry.status && entry.status && (
              <Tag>
                {entry.fromStatus
                  ? `${t(`status.${entry.fromStatus}`, entry.fromStatusLabel ?? entry.fromStatus)} → `
                  : ''}
                {t(`status.${entry.status}`, entry.statusLabel ?? entry.status)}
              </Tag>
            )}
            <div>
              <Typography.Text type="secondary" data-testid="timeline-actor">
                {formatOfficeTime(entry.occurredAt, { seconds: true })} ·{' '}
                {t(`role.${entry.actorRole}`, entry.actorRoleLabel ?? entry.actorRole)}{' '}
                {entry.actorRole === 'system' ? '' : (entry.actorName ?? entry.actorId)}
                {entry.actorUnit ? ` · ${unitText(entry)}` : ''}
              </Typography.Text>
            </div>
            {(entry.detailLines ?? []).length > 0 && (
              <Descriptions
                size="small"
                column={1}
                items={(entry.detailLines ?? []).map((line) => ({
                  key: line.key,
                  label: line.label,
                  children: line.text,
                }))}
              />
            )}
          </div>
        ),
      }))}
    />
  );
}
