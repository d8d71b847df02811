import { Button, Card, Form, Input, Result, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormRefusal, useApiForm } from '../common/use-api-form';
import type { RegistrationResult as Outcome } from './intake-body';

/** A button opening a case's workspace. */
function OpenCase(props: { caseNumber: string; primary?: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={`/cases/${encodeURIComponent(props.caseNumber)}`} data-testid={props.testId}>
      <Button type={props.primary ? 'primary' : 'default'}>
        {t('repeat.openCase', { caseNumber: props.caseNumber })}
      </Button>
    </Link>
  );
}

/**
 * The clerk's "not the same matter" (with a reason, recorded on the registration): the petition is
 * registered again as a new case, leaving that earlier case out of repeat detection.
 */
function NotSameMatterForm(props: { onOverride(reason: string): Promise<void> }) {
  const { t } = useTranslation();
  const { formProps, refusal, clearRefusal, onError } = useApiForm<{ notRepeatOf: { reason: string } }>([
    'notRepeatOf.reason',
  ]);
  const [pending, setPending] = useState(false);
  return (
    <Form
      {...formProps}
      name="not-same-matter"
      layout="vertical"
      onFinish={async (values) => {
        if (pending) return;
        clearRefusal();
        setPending(true);
        try {
          await props.onOverride(values.notRepeatOf.reason);
        } catch (error) {
          onError(error);
        } finally {
          setPending(false);
        }
      }}
    >
      <FormRefusal text={refusal} />
      <Form.Item
        name={['notRepeatOf', 'reason']}
        label={t('repeat.overrideReason')}
        extra={t('repeat.overrideHint')}
        rules={[{ required: true, whitespace: true, max: 500 }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button htmlType="submit" loading={pending}>
        {t('repeat.override')}
      </Button>
    </Form>
  );
}

/**
 * What a registration came to when it is not simply a new case: a repeat visit recorded on the
 * petitioner's open earlier case (with the clerk's override), or a new case not accepted because the same
 * facts were concluded after re-review.
 */
export function RegistrationResultPanel(props: {
  outcome: Exclude<Outcome, { kind: 'created' }>;
  onOverride(reason: string): Promise<void>;
  onNext(): void;
}) {
  const { t } = useTranslation();
  const { outcome } = props;
  const next = (
    <Button key="next" onClick={props.onNext}>
      {t('repeat.registerAnother')}
    </Button>
  );
  if (outcome.kind === 'handledBelow') {
    return (
      <Card data-testid="registration-result">
        <Result
          status="info"
          title={t('repeat.handledBelowTitle', { caseNumber: outcome.caseNumber })}
          subTitle={t('repeat.handledBelowText', {
            lower: outcome.handledBelowIn,
            unit: outcome.referredToUnitCode,
            count: outcome.repeatVisits,
          })}
          extra={[
            <OpenCase key="new" caseNumber={outcome.caseNumber} primary />,
            <OpenCase key="lower" caseNumber={outcome.handledBelowIn} testId="lower-case-link" />,
            next,
          ]}
        />
      </Card>
    );
  }
  if (outcome.kind === 'notAccepted') {
    return (
      <Card data-testid="registration-result">
        <Result
          status="warning"
          title={t('repeat.notAcceptedTitle', { caseNumber: outcome.caseNumber })}
          subTitle={t('repeat.notAcceptedText', { concluded: outcome.sameFactsAs })}
          extra={[
            <OpenCase key="new" caseNumber={outcome.caseNumber} primary />,
            <OpenCase key="concluded" caseNumber={outcome.sameFactsAs} />,
            next,
          ]}
        />
      </Card>
    );
  }
  return (
    <Card data-testid="registration-result">
      <Result
        status="info"
        title={t('repeat.visitTitle', { caseNumber: outcome.caseNumber })}
        subTitle={t('repeat.visitText', { count: outcome.repeatVisits })}
        extra={
          <Space orientation="vertical" size="large" className="full-width">
            <Space>
              <OpenCase caseNumber={outcome.caseNumber} primary testId="earlier-case-link" />
              {next}
            </Space>
            <div className="result-override">
              <NotSameMatterForm onOverride={props.onOverride} />
            </div>
          </Space>
        }
      />
    </Card>
  );
}
