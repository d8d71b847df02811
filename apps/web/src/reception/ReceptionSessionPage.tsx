import { Card, Descriptions, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ReceptionCase } from '../api/types';
import { PageState } from '../common/PageState';
import { TagList } from '../common/TagList';
import { formatOfficeTime } from '../common/office-time';
import { useReceptionRecord } from './use-reception';

/** One reception day's record: who received, when and where, and the cases registered in it. */
export function ReceptionSessionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const record = useReceptionRecord(id);
  const session = record.data;
  return (
    <PageState query={record}>
      {session && (
        <Space orientation="vertical" size="middle" className="full-width">
          <Card title={t('reception.recordTitle', { date: session.date })} data-testid="reception-record">
            <Descriptions
              column={3}
              items={[
                { key: 'date', label: t('reception.date'), children: session.date },
                {
                  key: 'leader',
                  label: t('reception.leader'),
                  children: `${session.leader.name}（${session.leader.userId}）`,
                },
                { key: 'unit', label: t('reception.unit'), children: session.unitName },
                { key: 'place', label: t('reception.place'), children: session.place, span: 3 },
                {
                  key: 'topics',
                  label: t('reception.topics'),
                  span: 3,
                  children: <TagList values={session.topics} color="blue" />,
                },
                {
                  key: 'published',
                  label: t('reception.published'),
                  span: 3,
                  children: `${formatOfficeTime(session.publishedAt)} · ${session.publishedBy}`,
                },
              ]}
            />
          </Card>
          <Card title={t('reception.cases', { count: session.cases.length })}>
            <Table<ReceptionCase>
              data-testid="reception-cases"
              rowKey="caseNumber"
              pagination={false}
              locale={{ emptyText: t('reception.noCases') }}
              dataSource={session.cases}
              columns={[
                {
                  key: 'caseNumber',
                  title: t('case.number'),
                  render: (_, row) => (
                    <Link to={`/cases/${encodeURIComponent(row.caseNumber)}`}>{row.caseNumber}</Link>
                  ),
                },
                { key: 'petitioner', title: t('intake.petitionerName'), dataIndex: 'petitionerName' },
                { key: 'subject', title: t('case.subject'), dataIndex: 'subject' },
                {
                  key: 'received',
                  title: t('case.receivedAt'),
                  render: (_, row) => formatOfficeTime(row.receivedAt),
                },
                {
                  key: 'status',
                  title: t('case.status'),
                  render: (_, row) => <Tag>{t(`status.${row.status}`, row.status)}</Tag>,
                },
              ]}
            />
          </Card>
        </Space>
      )}
    </PageState>
  );
}
