import { Alert, Button, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatOfficeTimeOrDash } from '../common/office-time';

interface VersionRow {
  version: string;
  inForce: boolean;
  builtIn?: boolean;
  createdAt: string | null;
  createdBy: string | null;
  createdByName: string | null;
}

/** The version (marked in force or built-in) and who published it when: the columns both lists share. */
export function useVersionColumns<Row extends VersionRow>(middle: ColumnsType<Row>): ColumnsType<Row> {
  const { t } = useTranslation();
  return [
    {
      title: t('admin.version'),
      dataIndex: 'version',
      render: (version: string, row) => (
        <Space size={4}>
          {version}
          {row.inForce && <Tag color="green">{t('admin.inForce')}</Tag>}
          {row.builtIn && <Tag>{t('admin.builtIn')}</Tag>}
        </Space>
      ),
    },
    ...middle,
    {
      title: t('admin.publishedAt'),
      dataIndex: 'createdAt',
      render: (at: string | null) => formatOfficeTimeOrDash(at),
    },
    { title: t('admin.publishedBy'), render: (_, row) => row.createdByName ?? row.createdBy ?? '—' },
  ];
}

/** What publishing answered, and the button that publishes. */
export function PublishFooter(props: {
  published: string | null;
  testId: string;
  pending: boolean;
  disabled: boolean;
  onPublish: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.published && (
        <Alert
          type="success"
          showIcon
          className="form-alert"
          data-testid={props.testId}
          title={props.published}
        />
      )}
      <Button
        type="primary"
        className="form-alert"
        loading={props.pending}
        disabled={props.disabled}
        onClick={props.onPublish}
      >
        {t('admin.publish')}
      </Button>
    </>
  );
}
