import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ApiFailure } from '../api/errors';
import { PageState } from '../common/PageState';
import { formatOfficeTime } from '../common/office-time';
import { saveFile } from '../common/save-file';
import { useNotices } from './use-case';

/** The written notices issued for the case with their 文号, each downloaded as its PDF (fetched with the bearer token). */
export function CaseNotices(props: { caseNumber: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notices = useNotices(props.caseNumber);

  async function download(id: string, title: string) {
    try {
      const { data, error, response } = await api.GET('/api/cases/{caseNumber}/notices/{id}.pdf', {
        params: { path: { caseNumber: props.caseNumber, id } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw ApiFailure.from(response.status, error);
      // The same name the API gives (Content-Disposition): <case number>-<notice title>.pdf.
      saveFile(data as Blob, `${props.caseNumber}-${title}.pdf`);
    } catch (error) {
      void message.error(error instanceof ApiFailure ? error.message : t('state.error'));
    }
  }

  return (
    <PageState query={notices} empty={notices.data?.length === 0}>
      <List
        size="small"
        data-testid="case-notices"
        dataSource={notices.data ?? []}
        renderItem={(notice) => (
          <List.Item
            actions={[
              <Button
                key="pdf"
                size="small"
                icon={<FilePdfOutlined />}
                onClick={() => void download(notice.id, notice.title)}
              >
                {t('case.openNotice')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <>
                  {notice.title}
                  {notice.documentNumber && (
                    <span className="notice-number" data-testid="notice-number">
                      {' '}
                      {notice.documentNumber}
                    </span>
                  )}
                </>
              }
              description={t('case.noticeIssued', { at: formatOfficeTime(notice.issuedAt) })}
            />
          </List.Item>
        )}
      />
    </PageState>
  );
}
