/**
 * Response bodies the console reads. The committed OpenAPI document describes requests, parameters
 * and error codes but not these bodies yet, so they come from the API's own types where those are
 * exported (type-only imports: nothing of the server is bundled), else are written here.
 */
export type { CaseListRow } from '../../../../libs/persistence/src/case-list';
export type { TimelineEntry } from '../../../../libs/persistence/src/timeline';
export type { InboxCaseGroup, InboxItem } from '../../../../libs/persistence/src/inbox-queries';
export type { InboxAnnouncement } from '../../../../libs/persistence/src/inbox';
export type { FigureCase } from '../../../../libs/persistence/src/metrics';
export type { UnitRow } from '../../../../libs/persistence/src/admin/units-admin';
export type { ManagedUser } from '../../../../libs/persistence/src/admin/users-admin';
export type { IssuedNotice } from '../../../../libs/persistence/src/notices/notice-records';
export type { AttachmentSummary } from '../../../../libs/domain/src/attachments/attachment-summary';
import type { CaseListRow } from '../../../../libs/persistence/src/case-list';
import type { FigureCase } from '../../../../libs/persistence/src/metrics';
import type { InboxCaseGroup, InboxItem } from '../../../../libs/persistence/src/inbox-queries';
import type { ManagedUser } from '../../../../libs/persistence/src/admin/users-admin';
export interface Me {
  userId: string;
  username: string;
  name: string;
  unitCode: string;
  roles: string[];
}

export interface IssuedSession {
  accessToken: string;
  expiresAt: string;
}

export type LoginStep =
  | { stage: 'totp' | 'changePassword'; challenge: string; challengeExpiresAt: string }
  | { stage: 'enrol'; challenge: string; challengeExpiresAt: string; otpauthUri: string };

export interface CaseListPage {
  items: CaseListRow[];
  nextCursor: string | null;
  /** Every matching case the user may see, on all pages. */
  total: number;
}

/** A saved queue view: its name and the list's query parameters (the same as in a shared link). */
export interface SavedCaseView {
  id: string;
  name: string;
  filters: Record<string, string>;
  createdAt: string;
}

export interface CaseDetail {
  caseNumber: string;
  status: string;
  channel: string;
  category: string;
  subject: string;
  unitCode: string;
  registeringUnitCode: string;
  receivedAt: string;
  registeredAt: string;
  eventCount: number;
  holdingUnitCode: string;
  responsibleUnitCode: string | null;
  clock: string | null;
  dueAt: string | null;
  dueLastDay: string | null;
  overdueLevel: number;
  sixDefines: Record<string, unknown> | null;
  repeatVisits: number;
  policyVersion: string | null;
  /** The actions the calling user may perform now; null when the API cannot tell. */
  allowedActions: string[] | null;
}

export interface RegisteredCase {
  caseNumber: string;
  status: string;
}

export interface ChainVerification {
  verified: boolean;
  seq?: number;
  problem?: string;
}

export interface Inbox {
  unread: number;
  items: InboxItem[];
  /** One row per case: highest level first; ended cases last, not counted as unread. */
  groups: InboxCaseGroup[];
}

/** What the inbox stream announces: a new item exists (the list is then read again). */
export interface FigureValue {
  key: string;
  numerator: number;
  denominator: number;
  rate: number | null;
}

export interface FigureDefinition {
  key: string;
  label: string;
  definition: { numerator: string; denominator: string };
}

interface ReportFrame {
  unit: { code: string; name: string };
  period: { from: string; to: string; timeZone: string };
}

export interface MetricsReport extends ReportFrame {
  figures: (FigureValue & FigureDefinition)[];
  children: { unit: { code: string; name: string }; figures: FigureValue[] }[];
}

export interface MetricCasesPage extends ReportFrame {
  figure: FigureDefinition;
  part: 'numerator' | 'denominator';
  total: number;
  limit: number;
  offset: number;
  items: FigureCase[];
}

/** A new or reset account's one-time password, shown once (apps/api/src/admin/admin-users.service.ts). */
export interface IssuedCredentials {
  user: ManagedUser;
  oneTimePassword: string;
}
export type {
  CalendarPublished,
  CalendarsOverview,
  CalendarVersionView,
  PoliciesOverview,
  PolicyPublished,
  PolicyVersionView,
} from '../../../../libs/persistence/src/admin/publication-views';
export type { NoticeTemplateVersion } from '../../../../libs/persistence/src/notices/notice-templates';

export type { ReceptionSession, ReceptionCase } from '../../../../libs/persistence/src/reception-sessions';
import type { ReceptionCase, ReceptionSession } from '../../../../libs/persistence/src/reception-sessions';

/** A reception session with the cases registered in it (GET /api/reception-sessions/{id}). */
export interface ReceptionRecord extends ReceptionSession {
  cases: ReceptionCase[];
}

/** A person named at intake as staff see them: masked unless revealed (GET /api/cases/{n}/petitioner). */
export interface PersonView {
  name: string;
  idType: string | null;
  idNumber: string | null;
  phone: string | null;
}

export interface PetitionerView extends PersonView {
  address: string | null;
  collective: { headcount: number; representatives: PersonView[] } | null;
}
