import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, bodyOf } from '../api/client';
import type { paths } from '../api/schema';
import type { CaseListPage, CaseListRow, SavedCaseView as SavedView } from '../api/types';
import { PageState } from '../common/PageState';
import { formatOfficeTime } from '../common/office-time';
import { ClockTag } from './ClockTag';
import { CATEGORIES, CHANNELS, OPEN_STATUSES, STATUSES } from './labels';

type ListQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;

const PAGE_SIZE = 100;
const VIEWS = ['heldByMyUnit', 'mine', 'leading', 'dueToday', 'overdue'] as const;
/** The search box's kinds, each the list parameter it fills. */
const SEARCH_KINDS = {
  byText: 'q',
  byCaseNumber: 'caseNumber',
  byName: 'petitionerName',
  byIdNumber: 'petitionerIdNumber',
  byPhone: 'petitionerPhone',
} as const;
type SearchKind = keyof typeof SEARCH_KINDS;
const CASE_NUMBER_LIKE = /^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]*)+$/;

interface FormValues {
  view?: string;
  status?: string[];
  category?: string;
  channel?: string;
  overdueLevel?: number;
  dueWithinDays?: number;
  unit?: string;
  receivedFrom?: string;
  receivedTo?: string;
  searchBy: SearchKind;
  search?: string;
}

/** The URL's filters (the list's own query parameters, so a link or a saved view is the same thing). */
function filtersOf(params: URLSearchParams): Record<string, string> {
  const filters = Object.fromEntries(params.entries());
  if (!('status' in filters)) filters.status = OPEN_STATUSES.join(',');
  return filters;
}

/** Office dates (Asia/Shanghai) as the instants the API compares with; "to" is inclusive of its day. */
const officeMidnight = (date: string, addDays = 0) => {
  const day = new Date(`${date}T00:00:00+08:00`).getTime() + addDays * 86_400_000;
  return new Date(day).toISOString().replace('.000Z', 'Z');
};
const officeDate = (iso?: string, addDays = 0) =>
  iso
    ? new Date(Date.parse(iso) + 8 * 3_600_000 + addDays * 86_400_000).toISOString().slice(0, 10)
    : undefined;

function formValuesOf(filters: Record<string, string>): FormValues {
  const kind = (Object.keys(SEARCH_KINDS) as SearchKind[]).find((key) => filters[SEARCH_KINDS[key]]);
  return {
    view: filters.view,
    status: filters.status ? filters.status.split(',').filter(Boolean) : [],
    category: filters.category,
    channel: filters.channel,
    overdueLevel: filters.overdueLevel ? Number(filters.overdueLevel) : undefined,
    dueWithinDays: filters.dueWithinDays ? Number(filters.dueWithinDays) : undefined,
    unit: filters.unit,
    receivedFrom: officeDate(filters.receivedFrom),
    receivedTo: officeDate(filters.receivedTo, -1),
    searchBy: kind ?? 'byText',
    search: kind ? filters[SEARCH_KINDS[kind]] : undefined,
  };
}

function filtersFromForm(values: FormValues): Record<string, string> {
  const filters: Record<string, string> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') filters[key] = String(value);
  };
  put('view', values.view);
  filters.status = (values.status ?? []).join(',');
  put('category', values.category);
  put('channel', values.channel);
  put('overdueLevel', values.overdueLevel);
  put('dueWithinDays', values.dueWithinDays);
  put('unit', values.unit?.trim().toUpperCase());
  if (values.receivedFrom) put('receivedFrom', officeMidnight(values.receivedFrom));
  if (values.receivedTo) put('receivedTo', officeMidnight(values.receivedTo, 1));
  const text = values.search?.trim();
  if (text) {
    // A case number typed in the keyword box is searched as a number.
    const kind =
      values.searchBy === 'byText' && CASE_NUMBER_LIKE.test(text) ? 'byCaseNumber' : values.searchBy;
    put(SEARCH_KINDS[kind], text);
  }
  return filters;
}

/**
 * The work queue: the cases the user may see, most urgent first across all pages (the server orders by
 * overdue level, then due time), with the total, ready-made views, search and saved views. The filters
 * live in the URL, so a link shares them.
 */
export function WorkQueuePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [viewName, setViewName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const cases = useInfiniteQuery({
    queryKey: ['cases', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const { status, ...rest } = filters;
      const query = {
        ...rest,
        status: status ? status.split(',').filter(Boolean) : undefined,
        limit: PAGE_SIZE,
        cursor: pageParam,
      } as unknown as ListQuery;
      return bodyOf<CaseListPage>(api.GET('/api/cases', { params: { query } }));
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => cases.data?.pages.flatMap((page) => page.items) ?? [], [cases.data]);
  const total = cases.data?.pages[0]?.total;

  const savedViews = useQuery({
    queryKey: ['case-views'],
    queryFn: () => bodyOf<SavedView[]>(api.GET('/api/case-views')),
  });
  const save = useMutation({
    mutationFn: (name: string) =>
      bodyOf<SavedView>(api.POST('/api/case-views', { body: { name, filters: { ...filters } } })),
    onSuccess: (view) => {
      setSaving(false);
      setViewName('');
      setNotice(t('queueViews.viewSaved', { name: view.name }));
      void queryClient.invalidateQueries({ queryKey: ['case-views'] });
    },
  });

  const apply = (next: Record<string, string>) => {
    setParams(next);
    form.setFieldsValue({ ...formValuesOf(filtersOf(new URLSearchParams(next))) });
  };
  const searchKind = Form.useWatch('searchBy', form) ?? 'byText';

  return (
    <Card
      title={t('queue.title')}
      extra={
        <Space>
          <Select
            placeholder={t('queueViews.saved')}
            className="filter-wide"
            data-testid="saved-views"
            value={null}
            options={(savedViews.data ?? []).map((view) => ({ value: view.id, label: view.name }))}
            onChange={(id) => {
              const view = savedViews.data?.find((candidate) => candidate.id === id);
              if (view) apply(view.filters);
            }}
          />
          <Button onClick={() => setSaving(true)}>{t('queueViews.save')}</Button>
          <Button
            onClick={() => {
              void navigator.clipboard?.writeText(window.location.href).catch(() => undefined);
              setNotice(t('queueViews.linkCopied'));
            }}
          >
            {t('queueViews.copyLink')}
          </Button>
        </Space>
      }
    >
      {notice && (
        <Alert
          className="form-alert"
          type="success"
          showIcon
          closable
          message={notice}
          onClose={() => setNotice(null)}
        />
      )}
      <Form<FormValues>
        form={form}
        layout="inline"
        name="queueFilters"
        initialValues={formValuesOf(filters)}
        onFinish={(values) => setParams(filtersFromForm(values))}
        className="filters"
      >
        <Form.Item name="view" label={t('queueViews.view')}>
          <Select
            allowClear
            placeholder={t('queueViews.all')}
            className="filter"
            options={VIEWS.map((view) => ({ value: view, label: t(`queueViews.${view}`) }))}
          />
        </Form.Item>
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
        <Form.Item name="dueWithinDays" label={t('queueViews.dueWithin')}>
          <Select
            allowClear
            className="filter"
            options={[1, 3, 7, 15].map((days) => ({
              value: days,
              label: t('queueViews.dueWithinDays', { days }),
            }))}
          />
        </Form.Item>
        <Form.Item name="unit" label={t('queueViews.unit')}>
          <Input allowClear className="filter" placeholder={t('queueViews.unitPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('queueViews.received')}>
          <Space.Compact>
            <Form.Item name="receivedFrom" noStyle>
              <Input type="date" aria-label={`${t('queueViews.received')} ≥`} />
            </Form.Item>
            <Form.Item name="receivedTo" noStyle>
              <Input type="date" aria-label={`${t('queueViews.received')} ≤`} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('queue.search')}>
          <Space.Compact>
            <Form.Item name="searchBy" noStyle>
              <Select
                aria-label={t('queueViews.searchBy')}
                data-testid="search-by"
                className="filter"
                options={(Object.keys(SEARCH_KINDS) as SearchKind[]).map((kind) => ({
                  value: kind,
                  label: t(`queueViews.${kind}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="search" noStyle>
              <Input
                allowClear
                className="filter-wide"
                data-testid="queue-search"
                placeholder={t(
                  {
                    byText: 'queue.searchPlaceholder',
                    byCaseNumber: 'queueViews.caseNumberPlaceholder',
                    byName: 'queueViews.namePlaceholder',
                    byIdNumber: 'queueViews.idNumberPlaceholder',
                    byPhone: 'queueViews.phonePlaceholder',
                  }[searchKind as SearchKind],
                )}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('queue.apply')}
        </Button>
        <Button onClick={() => apply({})}>{t('queueViews.reset')}</Button>
      </Form>
      {total !== undefined && (
        <Typography.Paragraph data-testid="queue-total">
          {t('queueViews.total', { total })}
        </Typography.Paragraph>
      )}
      <PageState query={cases} empty={rows.length === 0} emptyText={t('queue.empty')}>
        <Table<CaseListRow>
          rowKey="caseNumber"
          dataSource={rows}
          pagination={false}
          size="middle"
          tableLayout="fixed"
          scroll={{ x: 1280 }}
          data-testid="case-queue"
          columns={[
            {
              title: t('case.number'),
              dataIndex: 'caseNumber',
              width: 190,
              render: (caseNumber: string) => (
                <Link to={`/cases/${encodeURIComponent(caseNumber)}`}>{caseNumber}</Link>
              ),
            },
            { title: t('case.subject'), dataIndex: 'subject', ellipsis: true },
            {
              title: t('queueViews.petitioner'),
              dataIndex: 'petitionerMasked',
              width: 90,
              render: (name: string | null) => name ?? '—',
            },
            {
              title: t('case.status'),
              dataIndex: 'status',
              width: 100,
              render: (status: string) => <Tag>{t(`status.${status}`, status)}</Tag>,
            },
            {
              // Wide enough for the longest tag (clock · overdue by days and hours · level), so it never
              // runs into the category column; a tag that still does not fit wraps inside its cell.
              title: t('case.clock'),
              key: 'clock',
              width: 300,
              className: 'clock-cell',
              render: (_, row) => (
                <ClockTag clock={row.clock} dueAt={row.dueAt} overdueLevel={row.overdueLevel} />
              ),
            },
            {
              title: t('case.category'),
              dataIndex: 'category',
              width: 100,
              render: (category: string) => t(`category.${category}`, category),
            },
            {
              title: t('case.channel'),
              dataIndex: 'channel',
              width: 100,
              render: (channel: string) => t(`channel.${channel}`, channel),
            },
            {
              title: t('case.unit'),
              key: 'unit',
              width: 130,
              render: (_, row) => row.responsibleUnitCode ?? row.holdingUnitCode ?? row.unitCode,
            },
            {
              title: t('case.receivedAt'),
              dataIndex: 'receivedAt',
              width: 150,
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
      <Modal
        open={saving}
        title={t('queueViews.saveTitle')}
        okButtonProps={{ disabled: !viewName.trim(), loading: save.isPending }}
        onOk={() => save.mutate(viewName.trim())}
        onCancel={() => setSaving(false)}
      >
        <Input
          aria-label={t('queueViews.name')}
          placeholder={t('queueViews.name')}
          value={viewName}
          maxLength={50}
          onChange={(event) => setViewName(event.target.value)}
        />
        {save.error && <Alert type="error" message={String(save.error.message)} />}
      </Modal>
    </Card>
  );
}
