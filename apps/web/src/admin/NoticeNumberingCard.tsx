import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DOCUMENT_NUMBER_PATTERN } from '../../../../libs/notices/src/document-number';
import { api, bodyOf } from '../api/client';
import { UnitTreeSelect } from '../common/UnitTreeSelect';
import { FormRefusal, useApiForm } from '../common/use-api-form';

interface Numbering {
  code: string;
  shortName?: string;
  pattern?: string;
}

/** A unit's 文号 on the notices it issues: its short name and numbering pattern (the default when empty). */
export function NoticeNumberingCard() {
  const { t } = useTranslation();
  const { formProps, refusal, clearRefusal, onError } = useApiForm<Numbering>([
    'code',
    'shortName',
    'pattern',
  ]);
  const save = useMutation({
    mutationFn: (values: Numbering) =>
      bodyOf<{ example: string }>(
        api.PUT('/api/admin/units/{code}/notice-numbering', {
          params: { path: { code: values.code } },
          body: { shortName: values.shortName ?? null, pattern: values.pattern ?? null },
        }),
      ),
    onError,
  });
  return (
    <Card title={t('numbering.title')} data-testid="notice-numbering">
      <FormRefusal text={refusal} />
      {save.data && (
        <Alert
          type="success"
          className="form-alert"
          title={t('numbering.saved', { example: save.data.example })}
        />
      )}
      <Form<Numbering>
        {...formProps}
        layout="vertical"
        name="noticeNumbering"
        onFinish={(values) => {
          clearRefusal();
          save.mutate(values);
        }}
      >
        <Form.Item name="code" label={t('numbering.unit')} rules={[{ required: true }]}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="shortName" label={t('numbering.shortName')} extra={t('numbering.shortNameHint')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          name="pattern"
          label={t('numbering.pattern')}
          extra={t('numbering.patternHint', { pattern: DEFAULT_DOCUMENT_NUMBER_PATTERN })}
        >
          <Input placeholder={DEFAULT_DOCUMENT_NUMBER_PATTERN} maxLength={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('numbering.save')}
        </Button>
      </Form>
    </Card>
  );
}
