import { Badge, Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboxItem } from '../api/types';
import { PageState } from '../common/PageState';
import { formatOfficeTime } from '../common/office-time';
import { useAcknowledge, useInbox } from './use-inbox';

/** Warnings and escalations addressed to the user, newest first; new ones arrive live (see AppShell). */
export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const acknowledge = useAcknowledge();
  return (
    <Card
      title={
        <span>
          {t('inbox.title')}{' '}
          <Badge count={inbox.data?.unread ?? 0} showZero data-testid="inbox-page-unread" />
        </span>
      }
    >
      <PageState query={inbox} empty={inbox.data?.items.length === 0} emptyText={t('inbox.empty')}>
        <Table<InboxItem>
          rowKey="id"
          dataSource={inbox.data?.items}
          pagination={false}
          data-testid="inbox-items"
          rowClassName={(item) => (item.acknowledgedAt ? 'acknowledged' : 'unacknowledged')}
          columns={[
            {
              title: t('inbox.kind'),
              key: 'kind',
              render: (_, item) =>
                item.kind === 'escalation' ? (
                  <Tag color="red">{t('inbox.escalation', { level: item.level })}</Tag>
                ) : (
                  <Tag color="orange">{t('inbox.warning')}</Tag>
                ),
            },
            {
              title: t('case.number'),
              dataIndex: 'caseNumber',
              render: (caseNumber: string) => (
                <Link to={`/cases/${encodeURIComponent(caseNumber)}`}>{caseNumber}</Link>
              ),
            },
            { title: t('inbox.itemTitle'), dataIndex: 'title' },
            {
              title: t('inbox.createdAt'),
              dataIndex: 'createdAt',
              render: (time: string) => formatOfficeTime(time),
            },
            {
              title: '',
              key: 'acknowledge',
              render: (_, item) =>
                item.acknowledgedAt ? (
                  <Tag>{t('inbox.acknowledged')}</Tag>
                ) : (
                  <Button
                    size="small"
                    loading={acknowledge.isPending && acknowledge.variables === item.id}
                    onClick={() => acknowledge.mutate(item.id)}
                  >
                    {t('inbox.acknowledge')}
                  </Button>
                ),
            },
          ]}
        />
      </PageState>
    </Card>
  );
}
