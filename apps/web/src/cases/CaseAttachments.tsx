import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Typography, Upload, type UploadFile, type UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_EXTENSIONS } from '../../../../libs/domain/src/attachments/attachment-kinds';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { api, bodyOf, currentAccessToken } from '../api/client';
import { ApiFailure } from '../api/errors';
import type { AttachmentSummary } from '../api/types';
import { hasAnyRole, useSession } from '../auth/session';
import { PageState } from '../common/PageState';
import { formatOfficeTime } from '../common/office-time';
import { saveFile } from '../common/save-file';

const path = (caseNumber: string) => ({ params: { path: { caseNumber } } });

export function useAttachments(caseNumber: string) {
  return useQuery({
    queryKey: ['case', caseNumber, 'attachments'],
    queryFn: () =>
      bodyOf<AttachmentSummary[]>(api.GET('/api/cases/{caseNumber}/attachments', path(caseNumber))),
  });
}

/** Saves one of the case's files under its own name; a refusal is shown as the API's message. */
export function useAttachmentDownload(caseNumber: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (file: AttachmentSummary) => {
    try {
      const { data, error, response } = await api.GET('/api/cases/{caseNumber}/attachments/{id}', {
        params: { path: { caseNumber, id: file.id } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw ApiFailure.from(response.status, error);
      saveFile(data as Blob, file.fileName);
    } catch (error) {
      void message.error(error instanceof ApiFailure ? error.message : t('state.error'));
    }
  };
}

function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The case's files: upload (with progress, refused types and sizes explained by the API's message),
 * the list with who added each and its digest, downloads, and the reference a duty's evidence can cite.
 */
export function CaseAttachments(props: { caseNumber: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const attachments = useAttachments(props.caseNumber);

  const download = useAttachmentDownload(props.caseNumber);

  // Only files still on their way stay in the upload list (with progress); finished ones join the list below.
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const onChange: UploadProps['onChange'] = ({ file, fileList }) => {
    setUploading(fileList.filter((entry) => entry.status === 'uploading'));
    if (file.status === 'done') {
      void message.success(t('attachments.uploaded', { name: file.name }));
      void queryClient.invalidateQueries({ queryKey: ['case', props.caseNumber, 'attachments'] });
    } else if (file.status === 'error') {
      const failure = ApiFailure.from(file.error?.status ?? 0, file.response);
      void message.error(`${file.name}: ${failure.message} (${failure.code})`);
    }
  };

  return (
    <div data-testid="case-attachments">
      {hasAnyRole(me, PERMISSION_ROLES.attachFiles) && (
        <Upload
          name="file"
          action={`/api/cases/${encodeURIComponent(props.caseNumber)}/attachments`}
          headers={{ authorization: `Bearer ${currentAccessToken() ?? ''}` }}
          accept={ATTACHMENT_EXTENSIONS.join(',')}
          fileList={uploading}
          showUploadList={{ showRemoveIcon: false }}
          onChange={onChange}
        >
          <Button icon={<UploadOutlined />}>{t('attachments.upload')}</Button>
          <Typography.Text type="secondary" className="upload-hint">
            {t('attachments.allowed')}
          </Typography.Text>
        </Upload>
      )}
      <PageState query={attachments} empty={attachments.data?.length === 0} emptyText={t('attachments.none')}>
        <List
          size="small"
          dataSource={attachments.data ?? []}
          renderItem={(file) => (
            <List.Item
              actions={[
                <Button
                  key="download"
                  size="small"
                  icon={<DownloadOutlined />}
                  aria-label={t('attachments.download', { name: file.fileName })}
                  onClick={() => void download(file)}
                />,
              ]}
            >
              <List.Item.Meta
                title={file.fileName}
                description={
                  <>
                    {t('attachments.added', {
                      by: file.uploadedByName ?? file.uploadedBy,
                      at: formatOfficeTime(file.uploadedAt),
                      size: sizeOf(file.sizeBytes),
                    })}
                    <br />
                    <Typography.Text type="secondary" copyable={{ text: file.ref }}>
                      {t('attachments.ref', { digest: file.sha256.slice(0, 12) })}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </PageState>
    </div>
  );
}
