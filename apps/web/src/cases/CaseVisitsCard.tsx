import { Card, Descriptions, Table, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonView, TimelineEntry } from '../api/types';
import { PageState } from '../common/PageState';
import { formatOfficeTime } from '../common/office-time';
import { repeatVisits } from './case-summary';
import { usePetitioner } from './use-case';

function Representatives(props: { people: PersonView[] }) {
  const { t } = useTranslation();
  return (
    <Table<PersonView & { position: number }>
      size="small"
      pagination={false}
      rowKey="position"
      data-testid="case-representatives"
      dataSource={props.people.map((person, index) => ({ ...person, position: index + 1 }))}
      columns={[
        { key: 'position', title: '#', dataIndex: 'position', width: 48 },
        { key: 'name', title: t('collective.name'), dataIndex: 'name' },
        {
          key: 'idType',
          title: t('intake.idType'),
          render: (_, person) => (person.idType ? t(`idType.${person.idType}`, person.idType) : '—'),
        },
        { key: 'idNumber', title: t('intake.idNumber'), render: (_, person) => person.idNumber ?? '—' },
        { key: 'phone', title: t('intake.phone'), render: (_, person) => person.phone ?? '—' },
      ]}
    />
  );
}

/**
 * Who came, and how often: a collective visit's headcount and representatives (masked, as every reader
 * sees them), and the repeat visits recorded on the case. Nothing is shown for a single first visit.
 */
export function CaseVisitsCard(props: { caseNumber: string; timeline: TimelineEntry[] }) {
  const { t } = useTranslation();
  const petitioner = usePetitioner(props.caseNumber);
  const visits = repeatVisits(props.timeline);
  const collective = petitioner.data?.collective ?? null;
  if (petitioner.isSuccess && !collective && visits.length === 0) return null;
  return (
    <Card title={t('visits.title')} data-testid="case-visits">
      <PageState query={petitioner}>
        {collective && (
          <>
            <Descriptions
              size="small"
              items={[
                {
                  key: 'headcount',
                  label: t('collective.headcount'),
                  children: <span data-testid="case-headcount">{collective.headcount}</span>,
                },
                {
                  key: 'representatives',
                  label: t('collective.representatives'),
                  children: collective.representatives.length,
                },
              ]}
            />
            <Representatives people={collective.representatives} />
          </>
        )}
        {visits.length > 0 && (
          <div className="case-repeat-visits" data-testid="repeat-visits">
            <Tag color="volcano">{t('visits.repeatCount', { count: visits.length })}</Tag>
            <Timeline
              items={visits.map((visit) => ({
                key: visit.visitNumber,
                content: t('visits.repeatVisit', {
                  n: visit.visitNumber,
                  time: formatOfficeTime(visit.receivedAt),
                  channel: t(`channel.${visit.channel}`, visit.channel),
                }),
              }))}
            />
          </div>
        )}
      </PageState>
    </Card>
  );
}
