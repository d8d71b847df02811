import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, bodyOf } from '../api/client';
import type { components } from '../api/schema';
import type { IssuedCredentials, ManagedUser } from '../api/types';
import { ROLES } from '../cases/labels';
import { errorText, PageState } from '../common/PageState';
import { useApiForm } from '../common/use-api-form';
import { CreateForm, RequiredItem } from './CreateForm';
import { UnitTreeSelect } from '../common/UnitTreeSelect';

type CreateUser = components['schemas']['CreateUserDto'];
type Role = CreateUser['roles'][number];

/** Staff accounts in the administrator's subtree: create, roles, deactivate, reset credentials. */
export function UsersPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const apiForm = useApiForm<CreateUser>(['username', 'name', 'unitCode', 'roles']);
  const users = useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => bodyOf<{ items: ManagedUser[] }>(api.GET('/api/admin/users')),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
  const showOneTimePassword = (issued: IssuedCredentials) =>
    modal.info({
      title: t('admin.oneTimePasswordTitle', { username: issued.user.username }),
      content: (
        <Typography.Paragraph copyable={{ text: issued.oneTimePassword }}>
          <code data-testid="one-time-password">{issued.oneTimePassword}</code>
        </Typography.Paragraph>
      ),
    });

  const create = useMutation({
    mutationFn: (body: CreateUser) => bodyOf<IssuedCredentials>(api.POST('/api/admin/users', { body })),
    onSuccess: async (issued) => {
      apiForm.reset();
      showOneTimePassword(issued);
      await refresh();
    },
    onError: apiForm.onError,
  });
  const change = useMutation({
    mutationFn: async (request: { id: string; what: 'deactivate' | 'reactivate' | 'reset-credentials' }) => {
      const params = { params: { path: { id: request.id } } };
      if (request.what === 'deactivate') return bodyOf(api.POST('/api/admin/users/{id}/deactivate', params));
      if (request.what === 'reactivate') return bodyOf(api.POST('/api/admin/users/{id}/reactivate', params));
      return bodyOf<IssuedCredentials>(api.POST('/api/admin/users/{id}/reset-credentials', params));
    },
    onSuccess: async (result, request) => {
      if (request.what === 'reset-credentials') showOneTimePassword(result as IssuedCredentials);
      await refresh();
    },
    onError: (error) => modal.error({ title: errorText(error) }),
  });
  // Deactivating a colleague or resetting their credentials ends their sessions: asked before it is done.
  const confirmThen = (what: 'deactivate' | 'reset-credentials', user: ManagedUser) =>
    modal.confirm({
      title: t(`adminConfirm.${what}.title`, { name: user.name, username: user.username }),
      content: t(`adminConfirm.${what}.content`),
      okText: t(`adminConfirm.${what}.ok`),
      okButtonProps: { danger: true },
      cancelText: t('adminConfirm.cancel'),
      onOk: () => change.mutate({ id: user.id, what }),
    });
  const setRoles = useMutation({
    mutationFn: (request: { id: string; roles: Role[] }) =>
      bodyOf(
        api.PUT('/api/admin/users/{id}/roles', {
          params: { path: { id: request.id } },
          body: { roles: request.roles },
        }),
      ),
    onSettled: refresh,
    onError: (error) => modal.error({ title: errorText(error) }),
  });

  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Card title={t('admin.newUser')}>
        <CreateForm name="newUser" layout="inline" apiForm={apiForm} create={create}>
          <RequiredItem name="username" label={t('admin.username')}>
            <Input />
          </RequiredItem>
          <RequiredItem name="name" label={t('admin.fullName')}>
            <Input />
          </RequiredItem>
          <RequiredItem name="unitCode" label={t('admin.unit')}>
            <UnitTreeSelect />
          </RequiredItem>
          <RequiredItem name="roles" label={t('admin.roles')}>
            <Select
              mode="multiple"
              className="filter-wide"
              options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            />
          </RequiredItem>
        </CreateForm>
      </Card>
      <Card title={t('admin.users')}>
        <PageState query={users} empty={users.data?.items.length === 0}>
          <Table<ManagedUser>
            rowKey="id"
            dataSource={users.data?.items}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: t('admin.username'), dataIndex: 'username' },
              { title: t('admin.fullName'), dataIndex: 'name' },
              { title: t('admin.unit'), dataIndex: 'unitCode' },
              {
                title: t('admin.roles'),
                key: 'roles',
                render: (_, user) => (
                  <Select<Role[]>
                    mode="multiple"
                    size="small"
                    className="filter-wide"
                    value={user.roles as Role[]}
                    options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
                    onChange={(roles) => roles.length > 0 && setRoles.mutate({ id: user.id, roles })}
                  />
                ),
              },
              {
                title: t('admin.state'),
                key: 'state',
                render: (_, user) => (
                  <Space size={4} wrap>
                    <Tag color={user.active ? 'green' : 'default'}>
                      {t(user.active ? 'admin.active' : 'admin.inactive')}
                    </Tag>
                    {user.locked && <Tag color="red">{t('admin.locked')}</Tag>}
                    {user.totpEnrolled && <Tag>{t('admin.totpEnrolled')}</Tag>}
                    {user.mustChangePassword && <Tag color="orange">{t('admin.mustChangePassword')}</Tag>}
                  </Space>
                ),
              },
              {
                title: '',
                key: 'actions',
                render: (_, user) => (
                  <Space>
                    <Button
                      size="small"
                      onClick={() =>
                        user.active
                          ? confirmThen('deactivate', user)
                          : change.mutate({ id: user.id, what: 'reactivate' })
                      }
                    >
                      {t(user.active ? 'admin.deactivate' : 'admin.reactivate')}
                    </Button>
                    <Button size="small" onClick={() => confirmThen('reset-credentials', user)}>
                      {t('admin.resetCredentials')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </PageState>
      </Card>
    </Space>
  );
}
