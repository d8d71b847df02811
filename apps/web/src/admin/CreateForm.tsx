import { Button, Form, type FormInstance } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormRefusal } from '../common/use-api-form';

/** What `useApiForm` gives a form, and the mutation that creates the thing. */
interface CreateFormProps<Values> {
  name: string;
  layout: 'vertical' | 'inline';
  apiForm: {
    formProps: { form: FormInstance<Values>; onKeyDown: (event: KeyboardEvent<HTMLFormElement>) => void };
    refusal: string | null;
    clearRefusal: () => void;
  };
  create: { mutate: (values: Values) => void; isPending: boolean };
  children: ReactNode;
}

/** A form that creates one thing through the API: the refusal above it, its fields, one Create button. */
export function CreateForm<Values>(props: CreateFormProps<Values>) {
  const { t } = useTranslation();
  const { apiForm, create } = props;
  return (
    <>
      <FormRefusal text={apiForm.refusal} />
      <Form<Values>
        {...apiForm.formProps}
        layout={props.layout}
        name={props.name}
        onFinish={(values) => {
          apiForm.clearRefusal();
          create.mutate(values);
        }}
      >
        {props.children}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('admin.create')}
        </Button>
      </Form>
    </>
  );
}

/** A field the form cannot be sent without. */
export function RequiredItem(props: { name: string; label: string; children: ReactNode }) {
  return (
    <Form.Item name={props.name} label={props.label} rules={[{ required: true }]}>
      {props.children}
    </Form.Item>
  );
}
