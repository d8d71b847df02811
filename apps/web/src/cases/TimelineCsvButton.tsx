import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { api } from '../api/client';
import { ApiFailure } from '../api/errors';
import { hasAnyRole, useSession } from '../auth/session';
import { saveFile } from '../common/save-file';

/** Downloads the timeline as CSV; fetched with the bearer token, then saved from a blob URL. */
export function TimelineCsvButton(props: { caseNumber: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!hasAnyRole(me, PERMISSION_ROLES.exportTimeline)) return null;

  async function download() {
    setBusy(true);
    try {
      const { data, error, response } = await api.GET('/api/cases/{caseNumber}/timeline.csv', {
        params: { path: { caseNumber: props.caseNumber } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw ApiFailure.from(response.status, error);
      saveFile(data as Blob, `${props.caseNumber}-timeline.csv`);
    } catch (error) {
      void message.error(error instanceof ApiFailure ? error.message : t('state.error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void download()}>
      {t('case.exportCsv')}
    </Button>
  );
}
