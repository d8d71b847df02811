import { Alert, Form } from 'antd';
import { useState } from 'react';
import { showApiErrors } from '../api/errors';

/**
 * A form that submits to the API: its field errors go to the fields named in `knownFields`, anything
 * else (a refusal such as 409 or 422) to the message shown above the form by `<FormRefusal>`.
 * `reset()` empties it for the next entry without marking the emptied fields as missing.
 */
export function useApiForm<Values>(knownFields: readonly string[]) {
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  return {
    form,
    refusal,
    clearRefusal: () => setRefusal(null),
    onError: (error: unknown) => setRefusal(showApiErrors(form, error, knownFields)),
    reset: () => {
      setRefusal(null);
      form.resetFields();
    },
  };
}

export function FormRefusal(props: { text: string | null }) {
  return props.text ? <Alert type="error" showIcon title={props.text} className="form-alert" /> : null;
}
