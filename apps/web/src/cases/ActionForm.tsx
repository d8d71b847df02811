import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, bodyOf } from '../api/client';
import type { ActResult } from '../api/types';
import { StaffSelect } from '../common/StaffSelect';
import { UnitTreeSelect } from '../common/UnitTreeSelect';
import { FormRefusal, useApiForm } from '../common/use-api-form';
import { ACTION_FORMS, type ActionField, type StaffAction } from './action-forms';
import { EvidenceSelect } from './EvidenceSelect';

function fieldInput(field: ActionField) {
  switch (field.kind) {
    case 'text':
      return <Input />;
    case 'textarea':
      return <Input.TextArea rows={3} />;
    case 'unit':
      return <UnitTreeSelect />;
    case 'date':
      return <DatePicker className="full-width" />;
    case 'instant':
      return <DatePicker showTime className="full-width" />;
    case 'number':
      return <InputNumber min={field.min} max={field.max} />;
    case 'boolean':
      return <Switch />;
    case 'list':
      return <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />;
    case 'choice':
      return <ChoiceSelect field={field.name} options={field.options} />;
    case 'staff':
      return <StaffSelect roles={field.roles} multiple={field.multiple} />;
    case 'evidence':
      return <EvidenceSelect />;
  }
}

function ChoiceSelect(props: {
  field: string;
  options: readonly string[];
  id?: string;
  value?: string;
  onChange?(v: string): void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      options={props.options.map((option) => ({ value: option, label: t(`choice.${option}`, option) }))}
    />
  );
}

/** Dates go to the API as YYYY-MM-DD, instants as ISO-8601; empty optional fields are left out (unknown fields are refused). */
function toBody(fields: readonly ActionField[], values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value === null || value === '') continue;
    body[field.name] =
      field.kind === 'date'
        ? (value as Dayjs).format('YYYY-MM-DD')
        : field.kind === 'instant'
          ? (value as Dayjs).toISOString()
          : value;
  }
  return body;
}

/** What the workflow answered to a sent action: the case's status after it and its last event. */
export type ActionResult = ActResult;

/**
 * One staff action as a form; the API's field errors appear at their fields, a refusal above the form.
 * What was typed stays until the action is sent (then the form empties) or cancelled on purpose: a
 * refused send keeps every value for correcting.
 */
export function ActionForm(props: {
  caseNumber: string;
  action: StaffAction;
  /** Values the form starts with (e.g. the duty when recording one from the checklist). */
  initialValues?: Record<string, unknown>;
  onDone(result?: ActionResult): void;
  /** Shows a cancel button that empties the form, then calls this. */
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fields: readonly ActionField[] = ACTION_FORMS[props.action];
  const { formProps, refusal, clearRefusal, onError, reset } = useApiForm<Record<string, unknown>>(
    fields.map((field) => field.name),
  );

  const act = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      bodyOf<ActionResult>(
        api.POST('/api/cases/{caseNumber}/actions/{action}', {
          params: { path: { caseNumber: props.caseNumber, action: props.action } },
          body: toBody(fields, values) as never,
        }),
      ),
    onSuccess: async (result) => {
      reset();
      await queryClient.invalidateQueries({ queryKey: ['case', props.caseNumber] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      props.onDone(result);
    },
    onError,
  });

  return (
    <Form
      {...formProps}
      layout="vertical"
      name={`action-${props.action}`}
      initialValues={{
        ...(props.action === 'approveExtension' ? { granted: true } : {}),
        ...props.initialValues,
      }}
      onFinish={(values) => {
        if (act.isPending) return;
        clearRefusal();
        act.mutate(values);
      }}
    >
      <FormRefusal text={refusal} />
      {fields.map((field) => (
        <Form.Item
          key={field.name}
          name={field.name}
          label={t(`field.${field.name}`, field.name)}
          rules={[{ required: field.required && field.kind !== 'boolean' }]}
          valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
        >
          {fieldInput(field)}
        </Form.Item>
      ))}
      <Space>
        <Button type="primary" htmlType="submit" loading={act.isPending}>
          {t(`action.${props.action}`)}
        </Button>
        {props.onCancel && (
          <Button
            data-testid="action-cancel"
            onClick={() => {
              reset();
              props.onCancel?.();
            }}
          >
            {t('actionDone.cancel')}
          </Button>
        )}
      </Space>
    </Form>
  );
}
