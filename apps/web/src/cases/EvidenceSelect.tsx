import { Button, Select, Space, Tag } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAttachmentDownload, useAttachments } from './CaseAttachments';

/**
 * The evidence of an action chosen among the case's attachments (by file name); another reference
 * (e.g. a paper file's number) can still be typed. The case comes from the workspace's address.
 */
export function EvidenceSelect(props: { id?: string; value?: string[]; onChange?(value: string[]): void }) {
  const { t } = useTranslation();
  const { caseNumber = '' } = useParams();
  const attachments = useAttachments(caseNumber);
  return (
    <Select
      id={props.id}
      mode="tags"
      value={props.value}
      onChange={props.onChange}
      loading={attachments.isPending}
      optionFilterProp="label"
      tokenSeparators={[',']}
      placeholder={t('evidence.placeholder')}
      options={(attachments.data ?? []).map((file) => ({ value: file.ref, label: file.fileName }))}
      data-testid="evidence-select"
    />
  );
}

/** Evidence as links: an attachment of the case by its file name (downloads it), anything else as text. */
export function EvidenceLinks(props: { caseNumber: string; refs: readonly string[] }) {
  const { t } = useTranslation();
  const attachments = useAttachments(props.caseNumber);
  const byRef = new Map((attachments.data ?? []).map((file) => [file.ref, file]));
  const download = useAttachmentDownload(props.caseNumber);

  if (props.refs.length === 0) return <>—</>;
  return (
    <Space wrap size={4} data-testid="evidence-links">
      {props.refs.map((ref) => {
        const file = byRef.get(ref);
        return file ? (
          <Button
            key={ref}
            type="link"
            size="small"
            icon={<PaperClipOutlined />}
            onClick={() => void download(file)}
          >
            {file.fileName}
          </Button>
        ) : (
          <Tag key={ref}>{ref.startsWith('attachment:') ? t('evidence.unknownAttachment') : ref}</Tag>
        );
      })}
    </Space>
  );
}
