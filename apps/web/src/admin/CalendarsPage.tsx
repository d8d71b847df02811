import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Calendar, parseCalendar } from '../../../../libs/domain/src/clock/calendar';
import { isDomainError } from '../../../../libs/domain/src/errors';
import { api, bodyOf } from '../api/client';
import { ApiFailure, type FieldError } from '../api/errors';
import type { CalendarPublished, CalendarsOverview, CalendarVersionView } from '../api/types';
import { PageState } from '../common/PageState';
import { calendarDay } from '../common/office-time';
import { documentProblems, JsonDocumentEditor, parseJsonDocument } from './JsonDocumentEditor';
import { PublishFooter, useVersionColumns } from './publication-parts';

const CALENDARS = ['admin', 'calendars'];

/** What the editor holds, checked as the API will check it: the calendar to preview, or its problems. */
function previewOf(text: string): { calendar: Calendar } | { problem: ApiFailure } | null {
  if (!text.trim()) return null;
  try {
    return { calendar: parseCalendar(parseJsonDocument(text, 'calendar')) };
  } catch (error) {
    if (error instanceof ApiFailure) return { problem: error };
    if (!isDomainError(error)) throw error;
    const problems = (error.details?.problems as { field: string; message: string }[] | undefined) ?? [];
    const fields: FieldError[] = problems.map((problem) => ({
      field: `calendar.${problem.field}`.replace('.[', '['),
      code: error.code,
      message: problem.message,
    }));
    return { problem: new ApiFailure(422, error.code, error.message, fields) };
  }
}

/** Published calendars, and importing next year's holiday table: preview, publish, sent to open cases. */
export function CalendarsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const overview = useQuery({
    queryKey: CALENDARS,
    queryFn: () => bodyOf<CalendarsOverview>(api.GET('/api/admin/calendars')),
  });
  const [text, setText] = useState('');
  const publish = useMutation({
    mutationFn: (calendar: Calendar) =>
      bodyOf<CalendarPublished>(
        api.POST('/api/admin/calendars', {
          body: { calendar: calendar as unknown as Record<string, never> },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CALENDARS }),
  });
  const preview = previewOf(text);
  const edit = (next: string) => {
    setText(next);
    publish.reset();
  };
  const columns = useVersionColumns<CalendarVersionView>([
    { title: t('admin.years'), dataIndex: 'years', render: (years: number[]) => years.join(', ') },
    { title: t('admin.holidays'), dataIndex: 'holidays' },
    { title: t('admin.makeupWorkdays'), dataIndex: 'makeupWorkdays' },
  ]);
  const data = overview.data;
  const ready = preview && 'calendar' in preview ? preview.calendar : null;
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Card title={t('admin.calendarVersions')}>
          <PageState query={overview}>
            {data && (
              <Alert
                type="info"
                className="form-alert"
                data-testid="calendar-in-force"
                title={
                  data.inForce
                    ? t('admin.inForceAt', { unit: data.unitCode, version: data.inForce.version })
                    : t('admin.noCalendarInForce')
                }
                description={t('admin.builtInCalendar', {
                  version: data.builtIn.version,
                  from: data.builtIn.years.from,
                  to: data.builtIn.years.to,
                })}
              />
            )}
            <Table<CalendarVersionView>
              rowKey="version"
              size="small"
              dataSource={data?.versions ?? []}
              pagination={{ pageSize: 8 }}
              data-testid="calendar-versions"
              columns={columns}
            />
          </PageState>
        </Card>
      </Col>
      <Col span={12}>
        <Card
          title={t('admin.importCalendar')}
          extra={
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={async (file) => {
                edit(await file.text());
                return false;
              }}
            >
              <Button>{t('admin.uploadJson')}</Button>
            </Upload>
          }
        >
          <Alert type="warning" className="form-alert" title={t('admin.calendarReachesOpenCases')} />
          <JsonDocumentEditor
            label={t('admin.calendarJson')}
            testId="calendar-editor"
            value={text}
            onChange={edit}
            problems={documentProblems(
              publish.error ?? (preview && 'problem' in preview ? preview.problem : null),
            )}
          />
          {ready && <CalendarPreview calendar={ready} />}
          <PublishFooter
            testId="calendar-published"
            published={
              publish.data
                ? t('admin.calendarPublished', {
                    version: publish.data.version,
                    count: publish.data.signalled,
                    unit: publish.data.inForceFor,
                  })
                : null
            }
            pending={publish.isPending}
            disabled={!ready}
            onPublish={() => ready && publish.mutate(ready)}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** The holidays and make-up workdays the table contains, before it is published. */
function CalendarPreview(props: { calendar: Calendar }) {
  const { t } = useTranslation();
  const { calendar } = props;
  const days = (dates: string[], color?: string) =>
    dates.length === 0
      ? '—'
      : dates.map((date) => (
          <Tag key={date} color={color}>
            {date} {calendarDay(date).format('ddd')}
          </Tag>
        ));
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      className="form-alert"
      data-testid="calendar-preview"
      title={t('admin.preview', { version: calendar.version ?? '—' })}
    >
      <Descriptions.Item label={t('admin.holidays')}>{days(calendar.holidays, 'red')}</Descriptions.Item>
      <Descriptions.Item label={t('admin.makeupWorkdays')}>
        {days(calendar.makeupWorkdays, 'blue')}
      </Descriptions.Item>
    </Descriptions>
  );
}
