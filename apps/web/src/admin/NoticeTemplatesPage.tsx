import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Menu, Row, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTICE_KIND_NAMES, NOTICE_KINDS, type NoticeKind } from '../../../../libs/notices/src/notice-fields';
import { api, bodyOf } from '../api/client';
import type { NoticeTemplateVersion } from '../api/types';
import { PageState } from '../common/PageState';
import { FormRefusal, useApiForm } from '../common/use-api-form';

type TemplateView = NoticeTemplateVersion & {
  label: string;
  fields: { required: string[]; optional: string[] };
};

/** The seven written notices' templates: read the one in force, edit and save a new version. */
export function NoticeTemplatesPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<NoticeKind>(NOTICE_KIND_NAMES[0]!);
  return (
    <Row gutter={16}>
      <Col span={6}>
        <Card title={t('admin.noticeTemplates')}>
          <Menu
            data-testid="notice-kinds"
            selectedKeys={[kind]}
            onClick={(item) => setKind(item.key as NoticeKind)}
            items={NOTICE_KIND_NAMES.map((name) => ({
              key: name,
              label: `${NOTICE_KINDS[name].label} · ${name}`,
            }))}
          />
        </Card>
      </Col>
      <Col span={18}>
        <TemplateEditor key={kind} kind={kind} />
      </Col>
    </Row>
  );
}

function TemplateEditor(props: { kind: NoticeKind }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const queryKey = ['admin', 'notice-templates', props.kind];
  const path = { params: { path: { kind: props.kind } } };
  const current = useQuery({
    queryKey,
    queryFn: () => bodyOf<TemplateView>(api.GET('/api/admin/notice-templates/{kind}', path)),
  });
  const { form, formProps, refusal, clearRefusal, onError } = useApiForm<{ template: string }>(['template']);
  const save = useMutation({
    mutationFn: (body: { template: string }) =>
      bodyOf<TemplateView>(api.PUT('/api/admin/notice-templates/{kind}', { ...path, body })),
    onSuccess: (saved) => queryClient.setQueryData(queryKey, saved),
    onError,
  });
  useEffect(() => {
    if (current.data) form.setFieldsValue({ template: current.data.template });
  }, [current.data, form]);
  const view = current.data;
  return (
    <Card
      title={view ? `${view.label} · ${t('admin.templateVersion', { version: view.version })}` : props.kind}
    >
      <PageState query={current}>
        {view && (
          <Typography.Paragraph>
            {t('admin.templateFields')}{' '}
            {view.fields.required.map((field) => (
              <Tag key={field}>{`{{${field}}}`}</Tag>
            ))}
            {view.fields.optional.map((field) => (
              <Tag key={field} color="default" bordered={false}>{`{{#if ${field}}}`}</Tag>
            ))}
          </Typography.Paragraph>
        )}
        <FormRefusal text={refusal} />
        {save.isSuccess && (
          <Alert
            type="success"
            showIcon
            className="form-alert"
            data-testid="template-saved"
            title={t('admin.templateSaved', { version: save.data.version })}
          />
        )}
        <Form
          {...formProps}
          layout="vertical"
          name="noticeTemplate"
          onFinish={(values) => {
            clearRefusal();
            save.mutate(values);
          }}
        >
          <Form.Item name="template" label={t('admin.templateText')} rules={[{ required: true }]}>
            <Input.TextArea
              autoSize={{ minRows: 14, maxRows: 30 }}
              spellCheck={false}
              className="json-editor"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('admin.save')}
          </Button>
        </Form>
      </PageState>
    </Card>
  );
}
