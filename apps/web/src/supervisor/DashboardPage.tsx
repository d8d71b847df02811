import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Form, Input, Row, Space, Statistic, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import ReactECharts from 'echarts-for-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, bodyOf } from '../api/client';
import type { MetricsReport } from '../api/types';
import { PageState } from '../common/PageState';
import { calendarDay, officeToday } from '../common/office-time';

/** The figures charted per child unit: on-time triage and completion, overdue, satisfaction, repeats. */
const CHARTED = ['onTimeTriage', 'onTimeCompletion', 'overdue', 'satisfaction', 'repeatPetition'] as const;
const ESCALATIONS = ['escalationLevel1', 'escalationLevel2', 'escalationLevel3', 'escalationLevel4'] as const;

interface Period {
  from: string;
  to: string;
  unit?: string;
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Supervisors' figures for a period and unit subtree; each figure opens the cases behind it. */
export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The office's month so far: the API counts periods in its time zone, not the browser's.
  const [period, setPeriod] = useState<Period>(() => {
    const today = officeToday();
    return { from: `${today.slice(0, 8)}01`, to: today };
  });
  const report = useQuery({
    queryKey: ['metrics', period],
    queryFn: () => bodyOf<MetricsReport>(api.GET('/api/metrics', { params: { query: period } })),
  });
  const openCases = (figure: string, part: 'numerator' | 'denominator') =>
    navigate(
      `/dashboard/cases?${new URLSearchParams({ ...period, unit: report.data?.unit.code ?? '', figure, part })}`,
    );
  const figure = (key: string) => report.data?.figures.find((value) => value.key === key);

  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Card title={t('dashboard.title')}>
        <Form
          layout="inline"
          name="period"
          initialValues={{ range: [calendarDay(period.from), calendarDay(period.to)], unit: period.unit }}
          onFinish={(values: { range: [Dayjs, Dayjs]; unit?: string }) =>
            setPeriod({
              from: values.range[0].format('YYYY-MM-DD'),
              to: values.range[1].format('YYYY-MM-DD'),
              ...(values.unit ? { unit: values.unit } : {}),
            })
          }
          onValuesChange={(_, values: { range: [Dayjs, Dayjs]; unit?: string }) =>
            values.range &&
            setPeriod({
              from: values.range[0].format('YYYY-MM-DD'),
              to: values.range[1].format('YYYY-MM-DD'),
              ...(values.unit ? { unit: values.unit } : {}),
            })
          }
        >
          <Form.Item name="range" label={t('dashboard.period')}>
            <DatePicker.RangePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="unit" label={t('dashboard.unit')}>
            <Input placeholder={t('dashboard.unitPlaceholder')} allowClear />
          </Form.Item>
        </Form>
      </Card>
      <PageState query={report}>
        {report.data && (
          <>
            <Typography.Text type="secondary">
              {report.data.unit.name} ({report.data.unit.code}) · {report.data.period.from} —{' '}
              {report.data.period.to}
            </Typography.Text>
            <Row gutter={[16, 16]} data-testid="figures">
              {report.data.figures.map((value) => (
                <Col span={6} key={value.key}>
                  <Card size="small">
                    <Tooltip title={`${value.definition.numerator} ÷ ${value.definition.denominator}`}>
                      <Statistic title={t(`figure.${value.key}`, value.label)} value={percent(value.rate)} />
                    </Tooltip>
                    <Space>
                      <Typography.Link onClick={() => openCases(value.key, 'numerator')}>
                        {t('dashboard.numerator', { count: value.numerator })}
                      </Typography.Link>
                      /
                      <Typography.Link onClick={() => openCases(value.key, 'denominator')}>
                        {t('dashboard.denominator', { count: value.denominator })}
                      </Typography.Link>
                    </Space>
                  </Card>
                </Col>
              ))}
            </Row>
            <Row gutter={16}>
              <Col span={14}>
                <Card title={t('dashboard.byUnit')}>
                  <ReactECharts
                    style={{ height: 320 }}
                    option={{
                      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
                      legend: { data: CHARTED.map((key) => t(`figure.${key}`)) },
                      xAxis: { type: 'category', data: report.data.children.map((child) => child.unit.name) },
                      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                      series: CHARTED.map((key) => ({
                        name: t(`figure.${key}`),
                        type: 'bar',
                        data: report.data.children.map((child) => {
                          const rate = child.figures.find((value) => value.key === key)?.rate;
                          return rate === null || rate === undefined ? 0 : Math.round(rate * 1000) / 10;
                        }),
                      })),
                    }}
                  />
                </Card>
              </Col>
              <Col span={10}>
                <Card title={t('dashboard.escalations')}>
                  <ReactECharts
                    style={{ height: 320 }}
                    onEvents={{
                      click: (event: { dataIndex: number }) =>
                        openCases(ESCALATIONS[event.dataIndex], 'numerator'),
                    }}
                    option={{
                      tooltip: { trigger: 'item' },
                      xAxis: { type: 'category', data: ESCALATIONS.map((key) => t(`figure.${key}`)) },
                      yAxis: { type: 'value', minInterval: 1 },
                      series: [
                        {
                          type: 'bar',
                          itemStyle: { color: '#cf1322' },
                          data: ESCALATIONS.map((key) => figure(key)?.numerator ?? 0),
                        },
                      ],
                    }}
                  />
                </Card>
              </Col>
            </Row>
          </>
        )}
      </PageState>
    </Space>
  );
}
