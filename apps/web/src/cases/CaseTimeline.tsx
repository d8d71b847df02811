import { Descriptions, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_EVENT_TYPES } from '../../../../libs/domain/src/case/case-events';
import type { TimelineEntry } from '../api/types';
import { formatOfficeTime } from '../common/office-time';
import { detailText } from './timeline-details';

/** The action behind each event type (caseAccepted ← accept), whose label the timeline shows. */
const ACTION_OF_EVENT: Record<string, string> = Object.fromEntries(
  Object.entries(CASE_EVENT_TYPES).map(([action, event]) => [event, action]),
);

/** Bookkeeping references, not something a reader of the timeline acts on. */
const HIDDEN_DETAILS = new Set(['caseNumber', 'contentRef', 'petitionerRefs']);

/** Details holding a code of a fixed vocabulary, shown by its label: detail → message group. */
const CODED_DETAILS: Record<string, string> = {
  channel: 'channel',
  category: 'category',
  status: 'status',
  duty: 'choice',
  outcome: 'choice',
  satisfaction: 'choice',
  ground: 'choice',
  decision: 'choice',
};

function visibleDetails(entry: TimelineEntry): [string, unknown][] {
  return Object.entries(entry.details).filter(([key]) => !HIDDEN_DETAILS.has(key));
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
              #{entry.seq}{' '}
              {t(`event.${entry.type}`, {
                defaultValue: t(`action.${ACTION_OF_EVENT[entry.type] ?? entry.type}`, entry.type),
              })}
            </Typography.Text>{' '}
            {entry.fromStatus !== entry.status && entry.status && (
              <Tag>
                {entry.fromStatus ? `${t(`status.${entry.fromStatus}`, entry.fromStatus)} → ` : ''}
                {t(`status.${entry.status}`, entry.status)}
              </Tag>
            )}
            <div>
              <Typography.Text type="secondary">
                {formatOfficeTime(entry.occurredAt, { seconds: true })} ·{' '}
                {t(`role.${entry.actorRole}`, entry.actorRole)} {entry.actorId}{' '}
                {entry.actorUnit ? `· ${entry.actorUnit}` : ''}
              </Typography.Text>
            </div>
            {visibleDetails(entry).length > 0 && (
              <Descriptions
                size="small"
                column={1}
                items={visibleDetails(entry).map(([key, value]) => ({
                  key,
                  label: t(`field.${key}`, key),
                  children: CODED_DETAILS[key]
                    ? t(`${CODED_DETAILS[key]}.${String(value)}`, String(value))
                    : detailText(value, (field) => t(`field.${field}`, field)),
                }))}
              />
            )}
          </div>
        ),
      }))}
    />
  );
}
