import { Alert, App, Button, Card, Col, Descriptions, Empty, Modal, Row, Space, Tag } from 'antd';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EVENT_TYPES } from '../../../../libs/domain/src/case/event-types';
import { useSession } from '../auth/session';
import { PageState } from '../common/PageState';
import { formatOfficeTime } from '../common/office-time';
import { ActionForm, type ActionResult } from './ActionForm';
import { STAFF_ACTIONS, type StaffAction } from './action-forms';
import { availableActions } from './available-actions';
import { CaseAttachments } from './CaseAttachments';
import { CaseNotices } from './CaseNotices';
import { currentSixDefines } from './case-summary';
import { CaseTimeline } from './CaseTimeline';
import { CaseVisitsCard } from './CaseVisitsCard';
import { PetitionerCard } from './PetitionerCard';
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
  const { message } = App.useApp();
  // What the API says this user may do now (state, holding unit, roles, rules); by status and role only
  // when it cannot tell.
  const actions: StaffAction[] = detail.data
    ? (detail.data.allowedActions?.filter(isStaffAction) ??
      availableActions(detail.data.status, me?.roles ?? []))
    : [];
  // The action whose form is open, and the forms opened so far: they stay mounted, closed or not, so what
  // was typed survives Escape, the close button or a click beside the dialog.
  const [openAction, setOpenAction] = useState<StaffAction | null>(null);
  const [openedActions, setOpenedActions] = useState<readonly StaffAction[]>([]);
  const [lastResult, setLastResult] = useState<string | null>(null);
  // The status when the form was opened: the answer says where the action took the case from it.
  const statusAtOpen = useRef('');
  const openForm = (action: StaffAction) => {
    statusAtOpen.current = detail.data?.status ?? '';
    setOpenAction(action);
    setOpenedActions((opened) => (opened.includes(action) ? opened : [...opened, action]));
  };
  const confirmDone = (action: StaffAction, result: ActionResult | undefined) => {
    setOpenAction(null);
    const next =
      result && result.status !== statusAtOpen.current
        ? t(`actionDone.next.${result.status}`, result.status)
        : t('actionDone.recorded');
    const text = t('actionDone.message', { action: t(`action.${action}`), caseNumber, next });
    setLastResult(text);
    void message.success(text);
  };
  const format = (time: string) => formatOfficeTime(time);
  const entries = timeline.data ?? [];
  const handlingStarted =
    !!currentSixDefines(entries) || entries.some((entry) => entry.type === EVENT_TYPES.dutyRecorded);

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
          <PetitionerCard caseNumber={caseNumber} />
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
                  {lastResult && (
                    <Alert
                      type="success"
                      showIcon
                      title={lastResult}
                      data-testid="action-result"
                      className="form-alert"
                    />
                  )}
                  {actions.length === 0 ? (
                    <Empty description={t('case.noActions')} />
                  ) : (
                    <Space wrap data-testid="case-actions">
                      {actions.map((action) => (
                        <Button key={action} data-action={action} onClick={() => openForm(action)}>
                          {t(`action.${action}`)}
                        </Button>
                      ))}
                    </Space>
                  )}
                  {openedActions
                    .filter((action) => actions.includes(action))
                    .map((action) => (
                      <Modal
                        key={action}
                        open={openAction === action}
                        title={`${t(`action.${action}`)} · ${caseNumber}`}
                        footer={null}
                        forceRender
                        onCancel={() => setOpenAction(null)}
                      >
                        <div onKeyDown={(event) => closeOnEscape(event, () => setOpenAction(null))}>
                          <ActionForm
                            caseNumber={caseNumber}
                            action={action}
                            onDone={(result) => confirmDone(action, result)}
                            onCancel={() => setOpenAction(null)}
                          />
                        </div>
                      </Modal>
                    ))}
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
                          : t('case.chainBroken', { seq: verification.data.firstBreak?.seq ?? '?' })}
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

function isStaffAction(action: string): action is StaffAction {
  return (STAFF_ACTIONS as readonly string[]).includes(action);
}

/**
 * Escape inside an action's dialog closes it (keeping what was typed) — also after a choice list was used,
 * whose closed popup otherwise keeps the dialog from hearing it; an open list or date picker closes first.
 */
function closeOnEscape(event: KeyboardEvent, close: () => void): void {
  if (event.key !== 'Escape') return;
  if ((event.target as HTMLElement).closest('.ant-select-open, .ant-picker-focused')) return;
  close();
}
