import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, bodyOf } from '../api/client';
import type { FigureCase, MetricCasesPage } from '../api/types';
import { PageState } from '../common/PageState';
import { formatOfficeTimeOrDash } from '../common/office-time';

const PAGE_SIZE = 50;

/** The cases behind one figure's numerator or denominator (the dashboard's click-through). */
export function FigureCasesPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const [page, setPage] = useState(1);
  const query = {
    figure: search.get('figure') ?? '',
    part: (search.get('part') ?? 'numerator') as 'numerator' | 'denominator',
    from: search.get('from') ?? undefined,
    to: search.get('to') ?? undefined,
    unit: search.get('unit') || undefined,
  };
  const cases = useQuery({
    queryKey: ['metrics', 'cases', query, page],
    queryFn: () =>
      bodyOf<MetricCasesPage>(
        api.GET('/api/metrics/cases', {
          params: { query: { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } as never },
        }),
      ),
  });
  const format = (time: string | null) => formatOfficeTimeOrDash(time);
  return (
    <Card
      title={
        cases.data
          ? `${t(`figure.${cases.data.figure.key}`, cases.data.figure.label)} · ${t(`dashboard.${query.part}Label`)}`
          : t('dashboard.cases')
      }
      extra={cases.data && `${cases.data.unit.name} · ${cases.data.period.from} — ${cases.data.period.to}`}
    >
      <PageState query={cases} empty={cases.data?.total === 0}>
        <Table<FigureCase>
          rowKey="caseNumber"
          dataSource={cases.data?.items}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: cases.data?.total, onChange: setPage }}
          columns={[
            {
              title: t('case.number'),
              dataIndex: 'caseNumber',
              render: (caseNumber: string) => (
                <Link to={`/cases/${encodeURIComponent(caseNumber)}`}>{caseNumber}</Link>
              ),
            },
            { title: t('case.subject'), dataIndex: 'subject' },
            {
              title: t('case.status'),
              dataIndex: 'status',
              render: (status: string) => <Tag>{t(`status.${status}`, status)}</Tag>,
            },
            { title: t('case.unit'), dataIndex: 'unitCode' },
            { title: t('case.registeredAt'), dataIndex: 'registeredAt', render: format },
            { title: t('dashboard.triageDueAt'), dataIndex: 'triageDueAt', render: format },
            { title: t('dashboard.triagedAt'), dataIndex: 'triagedAt', render: format },
            { title: t('dashboard.handlingDueAt'), dataIndex: 'handlingDueAt', render: format },
            { title: t('dashboard.repliedAt'), dataIndex: 'repliedAt', render: format },
          ]}
        />
      </PageState>
    </Card>
  );
}
