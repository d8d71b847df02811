import {
  AlertOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileTextOutlined,
  FileAddOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { App, Badge, Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useInbox, useInboxStream } from '../inbox/use-inbox';
import { FirstRunChecklist } from '../admin/FirstRunChecklist';
import { homePathFor, type PageKey, pagesFor } from './navigation';

const ICONS: Record<PageKey, ReactNode> = {
  queue: <UnorderedListOutlined />,
  intake: <FileAddOutlined />,
  inbox: <AlertOutlined />,
  dashboard: <BarChartOutlined />,
  reception: <CalendarOutlined />,
  units: <ApartmentOutlined />,
  users: <TeamOutlined />,
  policies: <SafetyCertificateOutlined />,
  calendars: <CalendarOutlined />,
  noticeTemplates: <FileTextOutlined />,
};

export function AppShell() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const inbox = useInbox();
  const { notification } = App.useApp();
  const stream = useInboxStream((item) =>
    notification.info({
      title: t('inbox.arrived', { level: item.level }),
      description: item.caseNumber,
      onClick: () => navigate(`/cases/${encodeURIComponent(item.caseNumber)}`),
    }),
  );
  const pages = pagesFor(me?.roles ?? []);
  // The longest matching path wins, so /cases/new selects the intake page and not the queue.
  const selected = pages
    .filter((page) => location.pathname === page.path || location.pathname.startsWith(`${page.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header no-print">
        <Typography.Title level={4} className="app-title">
          {t('app.title')}
        </Typography.Title>
        <Space size="middle">
          <span data-testid="current-user">
            {me?.name} · {me?.unitCode} · {me?.roles.map((role) => t(`role.${role}`, role)).join('、')}
          </span>
          <Tag color={stream === 'live' ? 'green' : 'default'} data-testid="stream-state">
            {t(`inbox.stream.${stream}`)}
          </Tag>
          <LanguageSwitch />
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
            {t('app.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" className="app-sider no-print">
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected.key] : []}
            onClick={({ key }) => navigate(pages.find((page) => page.key === key)!.path)}
            items={pages.map((page) => ({
              key: page.key,
              icon: ICONS[page.key],
              label:
                page.key === 'inbox' ? (
                  <Space>
                    {t('nav.inbox')}
                    <Badge count={inbox.data?.unread ?? 0} data-testid="inbox-unread" />
                  </Space>
                ) : (
                  t(`nav.${page.key}`)
                ),
            }))}
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          {me?.roles.includes('admin') && location.pathname === homePathFor(me.roles) && (
            <FirstRunChecklist />
          )}
          {/* Pages load on first visit: the menu stays while one does. */}
          <Suspense fallback={<Spin className="page-state" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
