import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, bodyOf } from '../api/client';
import type { CalendarsOverview, ManagedUser, PoliciesOverview, UnitRow } from '../api/types';

type Step = { key: 'units' | 'staff' | 'policy'; path: string; done: boolean | undefined };

/**
 * What an administrator sets up first, in order: units below their own, staff with case roles, then a
 * policy or calendar of their own (the built-in ones apply until then). Each step reads its state from
 * the same endpoints its page uses, so it is ticked as soon as the work is done.
 */
export function FirstRunChecklist() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useQuery({
    queryKey: ['admin', 'units'],
    queryFn: () => bodyOf<{ items: UnitRow[] }>(api.GET('/api/admin/units')),
  });
  const users = useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => bodyOf<{ items: ManagedUser[] }>(api.GET('/api/admin/users')),
  });
  const policies = useQuery({
    queryKey: ['admin', 'policies'],
    queryFn: () => bodyOf<PoliciesOverview>(api.GET('/api/admin/policies')),
  });
  const calendars = useQuery({
    queryKey: ['admin', 'calendars'],
    queryFn: () => bodyOf<CalendarsOverview>(api.GET('/api/admin/calendars')),
  });
  const steps: Step[] = [
    { key: 'units', path: '/admin/units', done: units.data && units.data.items.length > 1 },
    {
      key: 'staff',
      path: '/admin/users',
      done: users.data && users.data.items.some((user) => user.roles.some((role) => role !== 'admin')),
    },
    {
      key: 'policy',
      path: '/admin/policies',
      done:
        policies.data &&
        calendars.data &&
        // In force at the administrator's unit, not merely published somewhere else.
        (policies.data.versions.some((version) => version.inForce && !version.builtIn) ||
          calendars.data.inForce !== null),
    },
  ];
  const allDone = steps.every((step) => step.done);
  return (
    <Card title={t('firstRun.title')} data-testid="first-run-checklist" className="first-run">
      {allDone ? (
        <Alert type="success" showIcon title={t('firstRun.allDone')} />
      ) : (
        <p>{t('firstRun.intro')}</p>
      )}
      <List
        dataSource={steps}
        renderItem={(step, index) => (
          <List.Item
            data-testid={`first-run-${step.key}`}
            data-done={step.done ? 'true' : 'false'}
            actions={[
              <Button key="open" size="small" onClick={() => navigate(step.path)}>
                {t('firstRun.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              avatar={step.done ? <CheckCircleFilled className="step-done" /> : <ClockCircleOutlined />}
              title={`${index + 1}. ${t(`firstRun.${step.key}`)}`}
            />
            <Tag color={step.done ? 'green' : 'orange'}>
              {t(step.done ? 'firstRun.done' : 'firstRun.todo')}
            </Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
