import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiFailure } from './api/errors';
import { PageState } from './common/PageState';
import { LoginPage } from './auth/LoginPage';
import { useSession, SessionProvider } from './auth/session';
import { homePathFor } from './shell/navigation';

// Signed-in pages load after login, so the login page carries only itself (issue 13: ≤ 500 kB).
const AppShell = lazy(() => import('./shell/AppShell').then((m) => ({ default: m.AppShell })));
const WorkQueuePage = lazy(() => import('./cases/WorkQueuePage').then((m) => ({ default: m.WorkQueuePage })));
const IntakePage = lazy(() => import('./cases/IntakePage').then((m) => ({ default: m.IntakePage })));
const CaseWorkspacePage = lazy(() =>
  import('./cases/CaseWorkspacePage').then((m) => ({ default: m.CaseWorkspacePage })),
);
const InboxPage = lazy(() => import('./inbox/InboxPage').then((m) => ({ default: m.InboxPage })));
// Charts and administration load only when opened (echarts alone is most of the bundle).
const DashboardPage = lazy(() =>
  import('./supervisor/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const FigureCasesPage = lazy(() =>
  import('./supervisor/FigureCasesPage').then((m) => ({ default: m.FigureCasesPage })),
);
const ReceptionDaysPage = lazy(() =>
  import('./reception/ReceptionDaysPage').then((m) => ({ default: m.ReceptionDaysPage })),
);
const ReceptionSessionPage = lazy(() =>
  import('./reception/ReceptionSessionPage').then((m) => ({ default: m.ReceptionSessionPage })),
);
const UnitsPage = lazy(() => import('./admin/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import('./admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const PoliciesPage = lazy(() => import('./admin/PoliciesPage').then((m) => ({ default: m.PoliciesPage })));
const CalendarsPage = lazy(() => import('./admin/CalendarsPage').then((m) => ({ default: m.CalendarsPage })));
const PrintSheetPage = lazy(() =>
  import('./print/PrintSheetPage').then((m) => ({ default: m.PrintSheetPage })),
);
const NoticeTemplatesPage = lazy(() =>
  import('./admin/NoticeTemplatesPage').then((m) => ({ default: m.NoticeTemplatesPage })),
);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A refusal (4xx) will not change by asking again.
      retry: (count, error) => !(error instanceof ApiFailure && error.status < 500) && count < 2,
    },
  },
});

function SignedInRoutes() {
  const { token, me, loadingMe, meQuery } = useSession();
  if (!token) return <LoginPage />;
  const waiting = (
    <div className="page-state">
      <Spin />
    </div>
  );
  if (meQuery.isError) {
    return (
      <div className="page-state">
        <PageState query={meQuery}>{null}</PageState>
      </div>
    );
  }
  if (loadingMe || !me) return waiting;
  return (
    <Suspense fallback={waiting}>
      <Routes>
        {/* Print sheets stand alone: a clean A4 page, no menus. */}
        <Route path="/cases/:caseNumber/print/:sheet" element={<PrintSheetPage />} />
        <Route element={<AppShell />}>
          <Route path="/cases" element={<WorkQueuePage />} />
          <Route path="/cases/new" element={<IntakePage />} />
          <Route path="/cases/:caseNumber" element={<CaseWorkspacePage />} />
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/dashboard/cases" element={<FigureCasesPage />} />
          <Route path="/reception" element={<ReceptionDaysPage />} />
          <Route path="/reception/:id" element={<ReceptionSessionPage />} />
          <Route path="/admin/units" element={<UnitsPage />} />
          <Route path="/admin/users" element={<UsersPage />} />
          <Route path="/admin/policies" element={<PoliciesPage />} />
          <Route path="/admin/calendars" element={<CalendarsPage />} />
          <Route path="/admin/notice-templates" element={<NoticeTemplatesPage />} />
          <Route path="*" element={<Navigate to={homePathFor(me.roles)} replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

/**
 * Where the keyboard is shows in blue, never in the brand's red, which stays for errors and alerts
 * (a focused field must not look like a refused one).
 */
const FOCUS = { activeBorderColor: '#1677ff', activeShadow: '0 0 0 2px rgba(22, 119, 255, 0.2)' };
const FOCUS_COMPONENTS = { Input: FOCUS, InputNumber: FOCUS, Select: FOCUS, DatePicker: FOCUS };

function Localised() {
  const { i18n } = useTranslation();
  const chinese = i18n.language === 'zh-CN';
  dayjs.locale(chinese ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={chinese ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#b71c1c' }, components: FOCUS_COMPONENTS }}
    >
      <AntApp>
        <SessionProvider>
          <SignedInRoutes />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Localised />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
