import { Col, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_ID_TYPE,
  ID_TYPES,
  type IdType,
  idNumberProblem,
} from '../../../../libs/domain/src/intake/identity-document';
import { officeToday } from '../common/office-time';

type NamePath = (string | number)[];

/**
 * A person's identity document: its type (resident ID by default) and number, checked on the spot as the
 * API checks it — a resident ID for its birth date and check character, other documents for their format.
 * `name` is the path inside the enclosing Form.List (or the form), `path` the same fields' full path.
 */
export function IdDocumentFields(props: { name: NamePath; path: NamePath; span: number }) {
  const { t } = useTranslation();
  const typeOf = (value: unknown): IdType => (value as IdType | undefined) ?? DEFAULT_ID_TYPE;
  return (
    <>
      <Col span={props.span}>
        <Form.Item name={[...props.name, 'idType']} label={t('intake.idType')} initialValue={DEFAULT_ID_TYPE}>
          <Select options={ID_TYPES.map((value) => ({ value, label: t(`idType.${value}`) }))} />
        </Form.Item>
      </Col>
      <Col span={props.span}>
        <Form.Item
          name={[...props.name, 'idNumber']}
          label={t('intake.idNumber')}
          dependencies={[[...props.path, 'idType']]}
          validateDebounce={300}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value?: string) => {
                if (!value) return Promise.resolve();
                const type = typeOf(getFieldValue([...props.path, 'idType']));
                const problem = idNumberProblem(type, value, officeToday());
                if (!problem) return Promise.resolve();
                const message =
                  problem === 'documentFormat'
                    ? t(`intake.documentFormat.${type === 'residentId' ? 'other' : type}`)
                    : t(`intake.idProblem.${problem}`);
                return Promise.reject(new Error(message));
              },
            }),
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Col>
    </>
  );
}
