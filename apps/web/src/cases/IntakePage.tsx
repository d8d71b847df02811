import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { residentIdProblem } from '../../../../libs/domain/src/intake/resident-id';
import { api, bodyOf } from '../api/client';
import type { RegisteredCase } from '../api/types';
import type { components } from '../api/schema';
import { useSession } from '../auth/session';
import { UnitTreeSelect } from '../common/UnitTreeSelect';
import { FormRefusal, useApiForm } from '../common/use-api-form';
import { CATEGORIES, CHANNELS } from './labels';

type RegisterBody = components['schemas']['RegisterCaseDto'];

interface IntakeValues {
  channel: RegisterBody['channel'];
  category: RegisterBody['category'];
  subject: string;
  content: string;
  unitCode: string;
  petitioner: { name: string; idNumber?: string; phone?: string; address?: string };
  receivedAt?: Dayjs;
  receivedAtReason?: string;
  accusedUnitCodes?: string[];
}

/** Fields the form shows, by the names the API uses in its field errors. */
const FORM_FIELDS = [
  'channel',
  'category',
  'subject',
  'content',
  'unitCode',
  'petitioner.name',
  'petitioner.idNumber',
  'petitioner.phone',
  'petitioner.address',
  'receivedAt',
  'receivedAtReason',
];

function toBody(values: IntakeValues): RegisterBody {
  const petitioner = Object.fromEntries(
    Object.entries(values.petitioner).filter(([, value]) => value !== undefined && value !== ''),
  ) as RegisterBody['petitioner'];
  return {
    channel: values.channel,
    category: values.category,
    subject: values.subject,
    content: values.content,
    unitCode: values.unitCode,
    petitioner,
    ...(values.receivedAt ? { receivedAt: values.receivedAt.toISOString() } : {}),
    ...(values.receivedAtReason ? { receivedAtReason: values.receivedAtReason } : {}),
    ...(values.category === 'accusation' && values.accusedUnitCodes?.length
      ? { accused: { unitCodes: values.accusedUnitCodes, userIds: [] } }
      : {}),
  };
}

/** Registration of a petition from any channel; the API's field errors appear at their fields. */
export function IntakePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, refusal, clearRefusal, onError } = useApiForm<IntakeValues>(FORM_FIELDS);
  // One key per filled-in form: a retried submission returns the same case instead of a second one.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const category = Form.useWatch('category', form);
  const receivedAt = Form.useWatch('receivedAt', form);
  const backdated = !!receivedAt && receivedAt.isBefore(dayjs().startOf('day'));

  const register = useMutation({
    mutationFn: (values: IntakeValues) =>
      bodyOf<RegisteredCase>(
        api.POST('/api/cases', {
          body: toBody(values),
          params: { header: { 'Idempotency-Key': idempotencyKey } },
        }),
      ),
    onSuccess: async (registered) => {
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      setIdempotencyKey(crypto.randomUUID());
      navigate(`/cases/${encodeURIComponent(registered.caseNumber)}`);
    },
    onError,
  });

  return (
    <Card title={t('intake.title')}>
      <FormRefusal text={refusal} />
      <Form<IntakeValues>
        form={form}
        name="intake"
        layout="vertical"
        initialValues={{ channel: 'visit', category: 'grievance', unitCode: me?.unitCode }}
        onFinish={(values) => {
          clearRefusal();
          register.mutate(values);
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
        <Form.Item name="subject" label={t('case.subject')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="content" label={t('intake.content')} rules={[{ required: true, max: 20000 }]}>
          <Input.TextArea rows={5} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              name={['petitioner', 'name']}
              label={t('intake.petitionerName')}
              rules={[{ required: true }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name={['petitioner', 'idNumber']}
              label={t('intake.idNumber')}
              validateDebounce={300}
              rules={[
                {
                  validator: (_, value?: string) => {
                    if (!value) return Promise.resolve();
                    const problem = residentIdProblem(value, dayjs().format('YYYY-MM-DD'));
                    return problem
                      ? Promise.reject(new Error(t(`intake.idProblem.${problem}`)))
                      : Promise.resolve();
                  },
                },
              ]}
            >
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col span={6}>
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
              <DatePicker showTime className="full-width" />
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
        <Button type="primary" htmlType="submit" loading={register.isPending}>
          {t('intake.submit')}
        </Button>
      </Form>
    </Card>
  );
}
