import { Card, Col, Collapse, Descriptions, Empty, Row, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../auth/session';
import { PageState } from '../common/PageState';
import { formatOfficeTime } from '../common/office-time';
import { ActionForm } from './ActionForm';
import { availableActions } from './available-actions';
import { CaseAttachments } from './CaseAttachments';
import { CaseNotices } from './CaseNotices';
import { currentSixDefines } from './case-summary';
import { CaseTimeline } from './CaseTimeline';
import { CaseVisitsCard } from './CaseVisitsCard';
import { ClockTag } from './ClockTag';
import { FiveDutiesCard } from './FiveDutiesCard';
import { PrintMenu } from '../print/PrintMenu';
import { RecusalCard } from './RecusalCard';
import { SixDefinesSummary } from './SixDefinesSummary';
import { TimelineCsvButton } from './TimelineCsvButton';
import { useCaseDetail, useTimeline, useVerification } from './use-case';

/**
 * One case: its state, running clock, who came (collective visit, repeat visits), the six defines and the
 * five duties once handling starts, its written notices, the actions open to this user, and the timeline.
 */
export function CaseWorkspacePage() {
  const { t } = useTranslation();
  const { caseNumber = '' } = useParams();
  const { me } = useSession();
  const detail = useCaseDetail(caseNumber);
  const timeline = useTimeline(caseNumber);
  const verification = useVerification(caseNumber);
  const actions = detail.data ? availableActions(detail.data.status, me?.roles ?? []) : [];
  const format = (time: string) => formatOfficeTime(time);
  const entries = timeline.data ?? [];
  const handlingStarted =
    !!currentSixDefines(entries) || entries.some((entry) => entry.type === 'dutyRecorded');

  return (
    <PageState query={detail}>
      {detail.data && (
        <Space orientation="vertical" size="middle" className="full-width">
          <Card
            title={
              <Space>
                <span data-testid="case-number">{detail.data.caseNumber}</span>
                <Tag color="blue" data-testid="case-status">
                  {t(`status.${detail.data.status}`, detail.data.status)}
                </Tag>
                <ClockTag
                  clock={detail.data.clock}
                  dueAt={detail.data.dueAt}
                  overdueLevel={detail.data.overdueLevel}
                />
              </Space>
            }
            extra={<PrintMenu caseNumber={caseNumber} />}
          >
            <Descriptions
              column={3}
              items={[
                { key: 'subject', label: t('case.subject'), children: detail.data.subject, span: 3 },
                {
                  key: 'category',
                  label: t('case.category'),
                  children: t(`category.${detail.data.category}`),
                },
                { key: 'channel', label: t('case.channel'), children: t(`channel.${detail.data.channel}`) },
                { key: 'unit', label: t('case.matterUnit'), children: detail.data.unitCode },
                {
                  key: 'registering',
                  label: t('case.registeringUnit'),
                  children: detail.data.registeringUnitCode,
                },
                {
                  key: 'responsible',
                  label: t('case.responsibleUnit'),
                  children: detail.data.responsibleUnitCode ?? detail.data.holdingUnitCode,
                },
                { key: 'received', label: t('case.receivedAt'), children: format(detail.data.receivedAt) },
                {
                  key: 'registered',
                  label: t('case.registeredAt'),
                  children: format(detail.data.registeredAt),
                },
              ]}
            />
          </Card>
          <CaseVisitsCard caseNumber={caseNumber} timeline={entries} />
          <SixDefinesSummary timeline={entries} />
          <RecusalCard timeline={entries} />
          {handlingStarted && (
            <FiveDutiesCard
              caseNumber={caseNumber}
              timeline={entries}
              mayRecord={actions.includes('recordDuty')}
            />
          )}
          <Row gutter={16}>
            <Col span={10}>
              <Space orientation="vertical" size="middle" className="full-width">
                <Card title={t('case.notices')}>
                  <CaseNotices caseNumber={caseNumber} />
                </Card>
                <Card title={t('attachments.title')}>
                  <CaseAttachments caseNumber={caseNumber} />
                </Card>
                <Card title={t('case.actions')}>
                  {actions.length === 0 ? (
                    <Empty description={t('case.noActions')} />
                  ) : (
                    <Collapse
                      accordion
                      data-testid="case-actions"
                      items={actions.map((action) => ({
                        key: action,
                        label: t(`action.${action}`),
                        children: (
                          <ActionForm caseNumber={caseNumber} action={action} onDone={() => undefined} />
                        ),
                      }))}
                    />
                  )}
                </Card>
              </Space>
            </Col>
            <Col span={14}>
              <Card
                title={t('case.timeline')}
                extra={
                  <Space>
                    {verification.data && (
                      <Tag color={verification.data.verified ? 'green' : 'red'} data-testid="chain-mark">
                        {verification.data.verified
                          ? t('case.chainVerified')
                          : t('case.chainBroken', { seq: verification.data.seq ?? '?' })}
                      </Tag>
                    )}
                    <TimelineCsvButton caseNumber={caseNumber} />
                  </Space>
                }
              >
                <PageState query={timeline} empty={timeline.data?.length === 0}>
                  <CaseTimeline entries={timeline.data ?? []} />
                </PageState>
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </PageState>
  );
}
