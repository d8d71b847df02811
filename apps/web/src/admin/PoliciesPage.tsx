import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../../../libs/domain/src/policy/policy';
import { api, bodyOf } from '../api/client';
import type { PoliciesOverview, PolicyPublished, PolicyVersionView } from '../api/types';
import { PageState } from '../common/PageState';
import { documentProblems, JsonDocumentEditor, parseJsonDocument } from './JsonDocumentEditor';
import { PublishFooter, useVersionColumns } from './publication-parts';

const POLICIES = ['admin', 'policies'];

/** The policy versions, the one new registrations start under, and publishing a new one. */
export function PoliciesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const overview = useQuery({
    queryKey: POLICIES,
    queryFn: () => bodyOf<PoliciesOverview>(api.GET('/api/admin/policies')),
  });
  const [selected, setSelected] = useState<string | null>(null);
  const [text, setText] = useState('');
  const publish = useMutation({
    mutationFn: (draft: string) =>
      bodyOf<PolicyPublished>(
        api.POST('/api/admin/policies', { body: { policy: parseJsonDocument(draft, 'policy') } }),
      ),
    onSuccess: async (published) => {
      setSelected(published.version);
      await queryClient.invalidateQueries({ queryKey: POLICIES });
    },
  });
  const columns = useVersionColumns<PolicyVersionView>([
    { title: t('admin.jurisdiction'), dataIndex: 'jurisdiction' },
    { title: t('admin.basedOn'), dataIndex: 'basedOn' },
  ]);
  const versions = overview.data?.versions ?? [];
  const shown = versions.find((row) => row.version === (selected ?? overview.data?.inForce.version));
  const startFrom = (row: PolicyVersionView) => {
    const { version: _version, ...rest } = row.document;
    setText(JSON.stringify({ version: '', ...rest, basedOn: row.version }, null, 2));
    publish.reset();
  };
  return (
    <Row gutter={16}>
      <Col span={14}>
        <Card title={t('admin.policyVersions')}>
          <PageState query={overview}>
            {overview.data && (
              <Alert
                type="info"
                className="form-alert"
                data-testid="policy-in-force"
                title={t('admin.inForceAt', {
                  unit: overview.data.unitCode,
                  version: overview.data.inForce.version,
                })}
              />
            )}
            <Table<PolicyVersionView>
              rowKey="version"
              size="small"
              dataSource={versions}
              pagination={{ pageSize: 8 }}
              data-testid="policy-versions"
              rowClassName={(row) => (row.version === shown?.version ? 'row-selected' : '')}
              onRow={(row) => ({ onClick: () => setSelected(row.version) })}
              columns={columns}
            />
          </PageState>
        </Card>
        {shown && <PolicyDetail row={shown} onStartFrom={() => startFrom(shown)} />}
      </Col>
      <Col span={10}>
        <Card title={t('admin.newPolicy')}>
          <Alert type="warning" className="form-alert" title={t('admin.openCasesKeepPolicy')} />
          <JsonDocumentEditor
            label={t('admin.policyJson')}
            testId="policy-editor"
            value={text}
            onChange={setText}
            problems={documentProblems(publish.error)}
          />
          <PublishFooter
            testId="policy-published"
            published={
              publish.data
                ? t('admin.policyPublished', { version: publish.data.version, unit: publish.data.inForceFor })
                : null
            }
            pending={publish.isPending}
            disabled={!text.trim()}
            onPublish={() => publish.mutate(text)}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** One version's clocks, escalation ladder and limits, read-only. */
function PolicyDetail(props: { row: PolicyVersionView; onStartFrom: () => void }) {
  const { t } = useTranslation();
  const policy = props.row.document as unknown as Policy;
  return (
    <Card
      title={t('admin.policyDetail', { version: props.row.version })}
      className="form-alert"
      data-testid="policy-detail"
      extra={<Button onClick={props.onStartFrom}>{t('admin.startFrom')}</Button>}
    >
      <Table
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={Object.entries(policy.clocks).map(([name, clock]) => ({ name, ...clock }))}
        columns={[
          { title: t('admin.clock'), dataIndex: 'name' },
          { title: t('admin.days'), dataIndex: 'days' },
          { title: t('admin.mode'), dataIndex: 'mode' },
          {
            title: t('admin.warnBefore'),
            dataIndex: 'warnBefore',
            render: (warn: string[]) => warn.join(', ') || '—',
          },
        ]}
      />
      <Descriptions size="small" column={1} className="form-alert">
        <Descriptions.Item label={t('admin.escalationLadder')}>
          {policy.escalationLadder.map((level) => `${level.recipient} +${level.after}`).join(' → ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.repeatEscalation')}>
          {policy.repeatEscalation.map((rule) => `${rule.repeatCount} → ${rule.recipient}`).join('; ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.extension')}>
          {`${policy.extension.maxDays} (${policy.extension.mode})`}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.maxRepresentatives')}>
          {policy.maxCollectiveRepresentatives}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
