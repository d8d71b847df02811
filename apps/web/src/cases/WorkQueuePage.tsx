import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, bodyOf } from '../api/client';
import type { paths } from '../api/schema';
import type { CaseListPage, CaseListRow } from '../api/types';
import { PageState } from '../common/PageState';
import { formatOfficeTime } from '../common/office-time';
import { ClockTag } from './ClockTag';
import { CATEGORIES, CHANNELS, OPEN_STATUSES, STATUSES } from './labels';
import { byUrgency } from './urgency';

type ListQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;

interface Filters {
  status: string[];
  category?: ListQuery['category'];
  channel?: ListQuery['channel'];
  overdueLevel?: number;
  q?: string;
}

const PAGE_SIZE = 100;

/**
 * The work queue: the cases the user may see, most urgent first (overdue level, then due time).
 * The API pages by registration time, so the ordering applies to the cases loaded so far.
 */
export function WorkQueuePage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ status: [...OPEN_STATUSES] });
  const cases = useInfiniteQuery({
    queryKey: ['cases', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      bodyOf<CaseListPage>(
        api.GET('/api/cases', {
          params: {
            query: {
              status: filters.status.length > 0 ? filters.status : undefined,
              category: filters.category,
              channel: filters.channel,
              overdueLevel: filters.overdueLevel,
              q: filters.q || undefined,
              limit: PAGE_SIZE,
              cursor: pageParam,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(
    () => (cases.data?.pages.flatMap((page) => page.items) ?? []).sort(byUrgency),
    [cases.data],
  );

  return (
    <Card title={t('queue.title')}>
      <Form<Filters>
        layout="inline"
        name="queueFilters"
        initialValues={filters}
        onFinish={(values) => setFilters({ ...values, status: values.status ?? [] })}
        className="filters"
      >
        <Form.Item name="status" label={t('queue.status')}>
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            className="filter-wide"
            options={STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('queue.category')}>
          <Select
            allowClear
            className="filter"
            options={CATEGORIES.map((category) => ({ value: category, label: t(`category.${category}`) }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('queue.channel')}>
          <Select
            allowClear
            className="filter"
            options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
          />
        </Form.Item>
        <Form.Item name="overdueLevel" label={t('queue.overdueLevel')}>
          <Select
            allowClear
            className="filter"
            options={[1, 2, 3, 4].map((level) => ({
              value: level,
              label: t('queue.atLeastLevel', { level }),
            }))}
          />
        </Form.Item>
        <Form.Item name="q" label={t('queue.search')}>
          <Input allowClear placeholder={t('queue.searchPlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('queue.apply')}
        </Button>
      </Form>
      <PageState query={cases} empty={rows.length === 0} emptyText={t('queue.empty')}>
        <Table<CaseListRow>
          rowKey="caseNumber"
          dataSource={rows}
          pagination={false}
          size="middle"
          data-testid="case-queue"
          columns={[
            {
              title: t('case.number'),
              dataIndex: 'caseNumber',
              render: (caseNumber: string) => (
                <Link to={`/cases/${encodeURIComponent(caseNumber)}`}>{caseNumber}</Link>
              ),
            },
            { title: t('case.subject'), dataIndex: 'subject', ellipsis: true },
            {
              title: t('case.status'),
              dataIndex: 'status',
              render: (status: string) => <Tag>{t(`status.${status}`, status)}</Tag>,
            },
            {
              title: t('case.clock'),
              key: 'clock',
              render: (_, row) => (
                <ClockTag clock={row.clock} dueAt={row.dueAt} overdueLevel={row.overdueLevel} />
              ),
            },
            {
              title: t('case.category'),
              dataIndex: 'category',
              render: (category: string) => t(`category.${category}`, category),
            },
            {
              title: t('case.channel'),
              dataIndex: 'channel',
              render: (channel: string) => t(`channel.${channel}`, channel),
            },
            {
              title: t('case.unit'),
              key: 'unit',
              render: (_, row) => row.responsibleUnitCode ?? row.holdingUnitCode ?? row.unitCode,
            },
            {
              title: t('case.receivedAt'),
              dataIndex: 'receivedAt',
              render: (time: string) => formatOfficeTime(time),
            },
          ]}
        />
        {cases.hasNextPage && (
          <Space className="load-more">
            <Button onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
              {t('queue.loadMore')}
            </Button>
            <Typography.Text type="secondary">{t('queue.loaded', { count: rows.length })}</Typography.Text>
          </Space>
        )}
      </PageState>
    </Card>
  );
}
