import { Button, Card, Col, Form, Input, InputNumber, Row, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_REPRESENTATIVES } from '../../../../libs/domain/src/case/registration';
import { IdDocumentFields } from './IdDocumentFields';

const LIST = ['collective', 'representatives'];
/** The request's own bound on the list; the policy's (at most the statutory 5) is the API's to apply, with a 422. */
const MAX_LISTED = 50;

/**
 * A collective visit (多人来访, art. 20): how many came and the representatives they chose, each with
 * name, identity document and phone. The law allows at most 5 representatives and a policy may allow
 * fewer, which only the API knows: the form warns past 5, and the API's refusal shows at the list.
 */
export function CollectiveFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const isCollective = Form.useWatch('isCollective', form);
  return (
    <>
      <Form.Item name="isCollective" label={t('collective.isCollective')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {isCollective && (
        <Card size="small" title={t('collective.title')} className="form-section" data-testid="collective">
          <Form.Item
            name={['collective', 'headcount']}
            label={t('collective.headcount')}
            rules={[{ required: true }, { type: 'number', min: 1, max: 100_000 }]}
          >
            <InputNumber min={1} max={100_000} precision={0} />
          </Form.Item>
          <Form.List name={LIST} initialValue={[{}]}>
            {(fields, { add, remove }, { errors }) => (
              <div data-testid="representatives">
                <Typography.Text strong>{t('collective.representatives')}</Typography.Text>{' '}
                <Typography.Text type={fields.length > MAX_REPRESENTATIVES ? 'warning' : 'secondary'}>
                  {t('collective.limitHint', {
                    count: fields.length,
                    max: MAX_REPRESENTATIVES,
                  })}
                </Typography.Text>
                {fields.map((field, index) => (
                  <Row gutter={12} key={field.key} align="bottom" data-testid="representative">
                    <Col span={5}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('collective.representativeName', { n: index + 1 })}
                        rules={[{ required: true, whitespace: true, max: 100 }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <IdDocumentFields name={[field.name]} path={[...LIST, field.name]} span={6} />
                    <Col span={5}>
                      <Form.Item name={[field.name, 'phone']} label={t('intake.phone')}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Form.Item>
                        <Button danger disabled={fields.length === 1} onClick={() => remove(field.name)}>
                          {t('collective.remove')}
                        </Button>
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Form.Item>
                  <Form.ErrorList errors={errors} />
                  <Button type="dashed" disabled={fields.length >= MAX_LISTED} onClick={() => add({})}>
                    {t('collective.add')}
                  </Button>
                </Form.Item>
              </div>
            )}
          </Form.List>
        </Card>
      )}
    </>
  );
}
