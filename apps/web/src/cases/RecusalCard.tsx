import { Alert, Card, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../api/types';
import { recusalsFrom, seatsToFill } from './recusal-summary';

const STATUS_COLORS = { pending: 'gold', recused: 'red', dismissed: 'default' } as const;

/**
 * Recusals on the case (回避, art. 28): who, on what ground, self-declared or asked by the petitioner, and
 * where each stands; a warning when a recused person still holds a six-defines seat.
 */
export function RecusalCard(props: { timeline: TimelineEntry[] }) {
  const { t } = useTranslation();
  const recusals = recusalsFrom(props.timeline);
  if (recusals.length === 0) return null;
  const seats = seatsToFill(props.timeline);
  return (
    <Card title={t('recusal.title')} data-testid="recusals">
      <Space orientation="vertical" className="full-width">
        {seats.map((seat) => (
          <Alert
            key={seat.field}
            type="warning"
            showIcon
            data-testid="recusal-reassign-needed"
            title={t('recusal.replaceNeeded', {
              name: seat.person.name,
              seats: t(`sixDefines.${seat.field}`),
            })}
          />
        ))}
        <Table
          size="small"
          pagination={false}
          rowKey={(row) => `${row.person.userId}-${row.at}`}
          dataSource={recusals}
          columns={[
            {
              key: 'person',
              title: t('recusal.person'),
              render: (_, row) => `${row.person.name}（${row.person.unitCode ?? row.person.userId}）`,
            },
            {
              key: 'ground',
              title: t('recusal.ground'),
              render: (_, row) =>
                `${t(`choice.${row.ground}`, row.ground)}${row.explanation ? `：${row.explanation}` : ''}`,
            },
            { key: 'kind', title: t('recusal.kind'), render: (_, row) => t(`recusal.${row.kind}`) },
            {
              key: 'status',
              title: t('recusal.status'),
              render: (_, row) => <Tag color={STATUS_COLORS[row.status]}>{t(`recusal.${row.status}`)}</Tag>,
            },
            { key: 'reason', title: t('recusal.reason'), render: (_, row) => row.reason ?? '—' },
            {
              key: 'at',
              title: t('recusal.at'),
              render: (_, row) => dayjs(row.at).format('YYYY-MM-DD HH:mm'),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
