import { Button, Card, Descriptions, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyKind } from '../../../../libs/domain/src/case/vocabulary';
import type { TimelineEntry } from '../api/types';
import { formatOfficeTime } from '../common/office-time';
import { ActionForm } from './ActionForm';
import { EvidenceLinks } from './EvidenceSelect';
import { type DutyChecklistItem, type DutyProgress, dutyChecklist } from './five-duties';

function DutyStateTag(props: { item: DutyChecklistItem }) {
  const { t } = useTranslation();
  if (props.item.done)
    return <Tag color="green">{t('duties.done', { count: props.item.progress.length })}</Tag>;
  if (props.item.waitsForReply) return <Tag>{t('duties.waitsForReply')}</Tag>;
  return <Tag color="orange">{t('duties.open')}</Tag>;
}

function ProgressRecord(props: { progress: DutyProgress; caseNumber: string }) {
  const { t } = useTranslation();
  const { progress } = props;
  return (
    <Descriptions
      size="small"
      column={2}
      className="duty-progress"
      items={[
        {
          key: 'by',
          label: t('duties.performedBy'),
          children: progress.performedBy.map((person) => person.name).join('、') || '—',
        },
        { key: 'on', label: t('duties.performedOn'), children: progress.performedOn },
        { key: 'summary', label: t('duties.summary'), children: progress.summary, span: 2 },
        {
          key: 'evidence',
          label: t('duties.evidence'),
          span: 2,
          children: <EvidenceLinks caseNumber={props.caseNumber} refs={progress.evidenceRefs} />,
        },
        {
          key: 'recorded',
          label: t('duties.recorded'),
          span: 2,
          children: (
            <Typography.Text type="secondary">
              #{progress.seq} · {formatOfficeTime(progress.recordedAt)} · {progress.recordedBy}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

/**
 * The package team's five duties (五包) as a checklist: each duty, who performed it, when, what was done
 * and its evidence, from the case's `dutyRecorded` events; recording a duty's progress where allowed.
 */
export function FiveDutiesCard(props: { caseNumber: string; timeline: TimelineEntry[]; mayRecord: boolean }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<DutyKind | null>(null);
  const checklist = dutyChecklist(props.timeline);
  const done = checklist.filter((item) => item.done).length;
  return (
    <Card
      title={t('duties.title')}
      extra={
        <Tag color={done === checklist.length ? 'green' : 'blue'}>
          {t('duties.progress', { done, total: checklist.length })}
        </Tag>
      }
      data-testid="five-duties"
    >
      <List
        dataSource={checklist}
        rowKey="duty"
        renderItem={(item) => (
          <List.Item
            data-testid={`duty-${item.duty}`}
            data-done={item.done}
            extra={
              props.mayRecord && !item.waitsForReply ? (
                <Button size="small" onClick={() => setRecording(item.duty)}>
                  {t('duties.record')}
                </Button>
              ) : null
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {t(`choice.${item.duty}`)}
                  <DutyStateTag item={item} />
                </Space>
              }
              description={
                item.progress.length === 0 ? (
                  t('duties.none')
                ) : (
                  <Space orientation="vertical" className="full-width">
                    {item.progress.map((progress) => (
                      <ProgressRecord key={progress.seq} progress={progress} caseNumber={props.caseNumber} />
                    ))}
                  </Space>
                )
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={recording !== null}
        title={recording && t('duties.recordTitle', { duty: t(`choice.${recording}`) })}
        footer={null}
        destroyOnHidden
        onCancel={() => setRecording(null)}
      >
        {recording && (
          <ActionForm
            caseNumber={props.caseNumber}
            action="recordDuty"
            initialValues={{ duty: recording }}
            onDone={() => setRecording(null)}
          />
        )}
      </Modal>
    </Card>
  );
}
