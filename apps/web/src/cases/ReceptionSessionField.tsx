import { Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { officeWallClock } from '../common/office-time';
import { sessionLabel } from '../reception/session-label';
import { useReceptionSessions } from '../reception/use-reception';

/**
 * On the leader-reception channel: the session the petition was received in, among the sessions on the
 * day of receipt. The session's leader becomes the case's package leader. Optional, as in the API: a
 * reception held without a published session is still registered by its channel.
 */
export function ReceptionSessionField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const receivedAt = Form.useWatch<Dayjs | null | undefined>('receivedAt', form);
  // The picker holds office wall-clock time, so its date is the office's day of receipt, as the API counts it.
  const day = (receivedAt ?? officeWallClock()).format('YYYY-MM-DD');
  const sessions = useReceptionSessions({ from: day, to: day });
  return (
    <Form.Item
      name="receptionSessionId"
      label={t('intake.receptionSession')}
      extra={t('intake.receptionSessionHint', { day })}
    >
      <Select
        allowClear
        loading={sessions.isPending}
        notFoundContent={sessions.isError ? t('state.error') : t('intake.noReceptionSession', { day })}
        options={(sessions.data ?? []).map((session) => ({
          value: session.id,
          label: sessionLabel(session),
        }))}
      />
    </Form.Item>
  );
}
