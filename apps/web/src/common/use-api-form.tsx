import { Alert, Form } from 'antd';
import { type KeyboardEvent, useState } from 'react';
import { showApiErrors } from '../api/errors';

/**
 * Enter in a date picker or a select confirms the choice and nothing more. Left to the browser it also
 * submits the form (implicit submission): a second Enter then sends the form again — twice while the
 * first is in flight, or, once it succeeded and was emptied, with every required field marked missing.
 */
function keepEnterInChoices(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter') return;
  if ((event.target as HTMLElement).closest('.ant-picker, .ant-select')) event.preventDefault();
}

/**
 * A form that submits to the API: its field errors go to the fields named in `knownFields`, anything
 * else (a refusal such as 409 or 422) to the message shown above the form by `<FormRefusal>`.
 * Spread `formProps` on the `<Form>`; `reset()` empties it for the next entry, with no error shown.
 */
export function useApiForm<Values>(knownFields: readonly string[]) {
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  return {
    form,
    formProps: { form, onKeyDown: keepEnterInChoices },
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
