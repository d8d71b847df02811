import { Button, Card, DatePicker, Modal, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import type { ReceptionSession } from '../api/types';
import { hasAnyRole, useSession } from '../auth/session';
import { PageState } from '../common/PageState';
import { TagList } from '../common/TagList';
import { officeTodayDay } from '../common/office-time';
import { PublishSessionForm } from './PublishSessionForm';
import { useReceptionSessions } from './use-reception';

/**
 * Leaders' reception days (领导接待日) of the user's unit line: leader, day, place and topics, each
 * opening its reception record; publishing one for those allowed to.
 */
export function ReceptionDaysPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const [range, setRange] = useState<[Dayjs, Dayjs | null]>(() => [officeTodayDay(), null]);
  const [publishing, setPublishing] = useState(false);
  const sessions = useReceptionSessions({
    from: range[0].format('YYYY-MM-DD'),
    to: range[1]?.format('YYYY-MM-DD'),
  });
  const mayPublish = hasAnyRole(me, PERMISSION_ROLES.publishReceptions);

  return (
    <Card
      title={t('reception.title')}
      extra={
        <Space>
          <DatePicker.RangePicker
            allowEmpty={[false, true]}
            value={range}
            onChange={(value) => value?.[0] && setRange([value[0], value[1] ?? null])}
            aria-label={t('reception.range')}
          />
          {mayPublish && (
            <Button type="primary" onClick={() => setPublishing(true)}>
              {t('reception.publishNew')}
            </Button>
          )}
        </Space>
      }
    >
      <PageState query={sessions} empty={sessions.data?.length === 0} emptyText={t('reception.empty')}>
        <Table<ReceptionSession>
          data-testid="reception-days"
          rowKey="id"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={sessions.data}
          columns={[
            {
              key: 'date',
              title: t('reception.date'),
              render: (_, session) => <Link to={`/reception/${session.id}`}>{session.date}</Link>,
            },
            {
              key: 'leader',
              title: t('reception.leader'),
              render: (_, session) => (
                <Space>
                  {session.leader.name}
                  {session.leader.role ? (
                    <Tag>{t(`role.${session.leader.role}`)}</Tag>
                  ) : (
                    <Tag color="red">{t('reception.leaderGone')}</Tag>
                  )}
                </Space>
              ),
            },
            { key: 'unit', title: t('reception.unit'), render: (_, session) => session.unitName },
            { key: 'place', title: t('reception.place'), dataIndex: 'place' },
            {
              key: 'topics',
              title: t('reception.topics'),
              render: (_, session) => <TagList values={session.topics} color="blue" />,
            },
          ]}
        />
      </PageState>
      <Modal
        open={publishing}
        title={t('reception.publishNew')}
        footer={null}
        destroyOnHidden
        onCancel={() => setPublishing(false)}
      >
        <PublishSessionForm
          onDone={(session) => {
            setPublishing(false);
            navigate(`/reception/${session.id}`);
          }}
        />
      </Modal>
    </Card>
  );
}
