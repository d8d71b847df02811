import { Badge, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboxCaseGroup, InboxItem } from '../api/types';
import { PageState } from '../common/PageState';
import { formatOfficeTime } from '../common/office-time';
import { useAcknowledge, useAcknowledgeAll, useInbox } from './use-inbox';

function KindTag(props: { item: InboxItem }) {
  const { t } = useTranslation();
  const { item } = props;
  if (item.kind === 'escalation')
    return <Tag color="red">{t('inbox.escalation', { level: item.level })}</Tag>;
  if (item.kind === 'repeatVisit') return <Tag color="purple">{t('inbox.repeatVisit')}</Tag>;
  return <Tag color="orange">{t('inbox.warning')}</Tag>;
}

/** A case's items inside its row, highest level first: each with its own acknowledgement. */
function CaseItems(props: { group: InboxCaseGroup }) {
  const { t } = useTranslation();
  const acknowledge = useAcknowledge();
  return (
    <Space direction="vertical" size={2} data-testid="inbox-case-items">
      {props.group.items.map((item) => (
        <div key={item.id} className={item.acknowledgedAt ? 'acknowledged' : 'unacknowledged'}>
          <KindTag item={item} /> <span data-testid="inbox-item-title">{item.title}</span>{' '}
          <Typography.Text type="secondary">{formatOfficeTime(item.createdAt)}</Typography.Text>{' '}
          {item.acknowledgedAt ? (
            <Tag>{t('inbox.acknowledged')}</Tag>
          ) : props.group.caseEnded ? null : (
            <Button
              size="small"
              type="link"
              loading={acknowledge.isPending && acknowledge.variables === item.id}
              onClick={() => acknowledge.mutate(item.id)}
            >
              {t('inbox.acknowledge')}
            </Button>
          )}
        </div>
      ))}
    </Space>
  );
}

function CaseGroups(props: { groups: InboxCaseGroup[]; testId: string }) {
  const { t } = useTranslation();
  const acknowledgeAll = useAcknowledgeAll();
  return (
    <Table<InboxCaseGroup>
      rowKey="caseNumber"
      dataSource={props.groups}
      pagination={false}
      data-testid={props.testId}
      rowClassName={(group) => (group.unacknowledged === 0 ? 'acknowledged' : 'unacknowledged')}
      columns={[
        {
          title: t('inbox.kind'),
          key: 'kind',
          render: (_, group) => <KindTag item={group.items[0]} />,
        },
        {
          title: t('case.number'),
          dataIndex: 'caseNumber',
          render: (caseNumber: string, group) => (
            <Space direction="vertical" size={0}>
              <Link to={`/cases/${encodeURIComponent(caseNumber)}`}>{caseNumber}</Link>
              {group.caseEnded && <Tag data-testid="inbox-case-ended">{t('inbox.ended')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('inbox.subject'),
          dataIndex: 'subject',
          render: (subject: string | null) => subject ?? '—',
        },
        { title: t('inbox.itemTitle'), key: 'items', render: (_, group) => <CaseItems group={group} /> },
        {
          title: t('inbox.createdAt'),
          dataIndex: 'latestAt',
          render: (time: string) => formatOfficeTime(time),
        },
        {
          title: '',
          key: 'acknowledge',
          render: (_, group) =>
            group.unacknowledged > 0 ? (
              <Button
                size="small"
                loading={acknowledgeAll.isPending && acknowledgeAll.variables === group.caseNumber}
                onClick={() => acknowledgeAll.mutate(group.caseNumber)}
              >
                {t('inbox.acknowledgeCase')}
              </Button>
            ) : (
              <Tag>{t('inbox.acknowledged')}</Tag>
            ),
        },
      ]}
    />
  );
}

/**
 * Warnings and escalations addressed to the user, one row per case (highest level first, its levels
 * inside); cases that have ended are listed apart and no longer count as unread. New ones arrive live.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const acknowledgeAll = useAcknowledgeAll();
  const groups = inbox.data?.groups ?? [];
  const open = groups.filter((group) => !group.caseEnded);
  const ended = groups.filter((group) => group.caseEnded);
  return (
    <Card
      title={
        <span>
          {t('inbox.title')}{' '}
          <Badge count={inbox.data?.unread ?? 0} showZero data-testid="inbox-page-unread" />
        </span>
      }
      extra={
        (inbox.data?.unread ?? 0) > 0 && (
          <Button
            data-testid="inbox-acknowledge-all"
            loading={acknowledgeAll.isPending && acknowledgeAll.variables === undefined}
            onClick={() => acknowledgeAll.mutate(undefined)}
          >
            {t('inbox.acknowledgeAll')}
          </Button>
        )
      }
    >
      <PageState query={inbox} empty={groups.length === 0} emptyText={t('inbox.empty')}>
        <CaseGroups groups={open} testId="inbox-items" />
        {ended.length > 0 && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('inbox.ended')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('inbox.endedHint')}</Typography.Paragraph>
            <CaseGroups groups={ended} testId="inbox-ended" />
          </>
        )}
      </PageState>
    </Card>
  );
}
