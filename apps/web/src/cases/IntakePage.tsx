import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, bodyOf } from '../api/client';
import { useSession } from '../auth/session';
import { UnitTreeSelect } from '../common/UnitTreeSelect';
import { officeTodayDay } from '../common/office-time';
import { FormRefusal, useApiForm } from '../common/use-api-form';
import { CollectiveFields } from './CollectiveFields';
import { IdDocumentFields } from './IdDocumentFields';
import {
  type IntakeValues,
  type NotRepeatOf,
  type RegisteredAnswer,
  type RegistrationResult,
  registrationResult,
  toRegisterBody,
} from './intake-body';
import { CATEGORIES, CHANNELS } from './labels';
import { ReceptionSessionField } from './ReceptionSessionField';
import { RegistrationResultPanel } from './RegistrationResult';

const PERSON_FIELDS = ['name', 'idType', 'idNumber', 'phone'];

/** Fields the form shows, by the names the API uses in its field errors (`*`: any representative). */
const FORM_FIELDS = [
  'channel',
  'category',
  'subject',
  'content',
  'unitCode',
  ...PERSON_FIELDS.map((field) => `petitioner.${field}`),
  'petitioner.address',
  'receivedAt',
  'receivedAtReason',
  'receptionSessionId',
  'collective.headcount',
  'collective.representatives',
  ...PERSON_FIELDS.map((field) => `collective.representatives.*.${field}`),
];

/** A registration the clerk is looking at the answer of: what was sent, and what it came to. */
interface Answered {
  values: IntakeValues;
  outcome: Exclude<RegistrationResult, { kind: 'created' }>;
}

/**
 * Registration of a petition from any channel. A new case opens its workspace; a repeat visit on an
 * open case, or a case not accepted on concluded facts, is shown as such. API field errors appear at
 * their fields.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, formProps, refusal, clearRefusal, onError, reset } = useApiForm<IntakeValues>(FORM_FIELDS);
  // One key per filled-in form: a retried submission returns the same case instead of a second one.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [answered, setAnswered] = useState<Answered | null>(null);
  const category = Form.useWatch('category', form);
  const channel = Form.useWatch('channel', form);
  const receivedAt = Form.useWatch('receivedAt', form);
  const backdated = !!receivedAt && receivedAt.isBefore(officeTodayDay());

  const register = useMutation({
    mutationFn: async (request: { values: IntakeValues; notRepeatOf?: NotRepeatOf }) => ({
      values: request.values,
      answer: await bodyOf<RegisteredAnswer>(
        api.POST('/api/cases', {
          body: toRegisterBody(request.values, request.notRepeatOf),
          params: { header: { 'Idempotency-Key': idempotencyKey } },
        }),
      ),
    }),
    onSuccess: async ({ values, answer }) => {
      setIdempotencyKey(crypto.randomUUID());
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      const outcome = registrationResult(answer);
      if (outcome.kind === 'created') navigate(`/cases/${encodeURIComponent(outcome.caseNumber)}`);
      else setAnswered({ values, outcome });
    },
  });

  const startAnother = () => {
    setAnswered(null);
    reset();
  };

  return (
    <>
      {answered && (
        <RegistrationResultPanel
          key={answered.outcome.caseNumber}
          outcome={answered.outcome}
          onNext={startAnother}
          onOverride={async (reason) => {
            await register.mutateAsync({
              values: answered.values,
              notRepeatOf: { caseNumber: answered.outcome.caseNumber, reason },
            });
          }}
        />
      )}
      {/* Kept mounted while an answer is shown: "register another" empties it in place. */}
      <Card title={t('intake.title')} hidden={!!answered}>
        <FormRefusal text={refusal} />
        <Form<IntakeValues>
          {...formProps}
          name="intake"
          layout="vertical"
          initialValues={{ channel: 'visit', category: 'grievance', unitCode: me?.unitCode }}
          onFinish={(values) => {
            if (register.isPending) return;
            clearRefusal();
            register.mutate({ values }, { onError });
          }}
          onValuesChange={clearRefusal}
        >
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="channel" label={t('case.channel')} rules={[{ required: true }]}>
                <Select options={CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="category" label={t('case.category')} rules={[{ required: true }]}>
                <Select options={CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="unitCode" label={t('intake.unit')} rules={[{ required: true }]}>
                <UnitTreeSelect />
              </Form.Item>
            </Col>
          </Row>
          {channel === 'leaderReception' && <ReceptionSessionField />}
          <Form.Item name="subject" label={t('case.subject')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="content" label={t('intake.content')} rules={[{ required: true, max: 20000 }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={4}>
              <Form.Item
                name={['petitioner', 'name']}
                label={t('intake.petitionerName')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <IdDocumentFields name={['petitioner']} path={['petitioner']} span={5} />
            <Col span={4}>
              <Form.Item name={['petitioner', 'phone']} label={t('intake.phone')}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['petitioner', 'address']} label={t('intake.address')}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="receivedAt" label={t('intake.receivedAt')} extra={t('intake.receivedAtHint')}>
                {/* Office wall-clock time (see officeWallClock); no "now" button, which would pick the browser's. */}
                <DatePicker showTime showNow={false} className="full-width" />
              </Form.Item>
            </Col>
            {backdated && (
              <Col span={16}>
                <Form.Item
                  name="receivedAtReason"
                  label={t('intake.receivedAtReason')}
                  rules={[{ required: true }]}
                >
                  <Input />
                </Form.Item>
              </Col>
            )}
          </Row>
          {category === 'accusation' && (
            <Form.Item name="accusedUnitCodes" label={t('intake.accusedUnits')}>
              <Select mode="tags" tokenSeparators={[',', ' ']} />
            </Form.Item>
          )}
          <CollectiveFields />
          <Button type="primary" htmlType="submit" loading={register.isPending}>
            {t('intake.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
