/**
 * Response bodies the console reads, by the names the screens use: each is the API's own response
 * schema in the committed openapi.json, generated into schema.d.ts (`npm run openapi`). Nothing here is
 * written by hand, so a change to a body shows up here at the next typecheck.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Me = Schemas['MeDto'];
export type IssuedSession = Schemas['IssuedSessionDto'];
export type LoginStep = Schemas['ChallengeStepDto'] | Schemas['EnrolStepDto'];
/** POST /api/auth/password with a bearer token (not the login screen's challenge form). */
export type PasswordChanged = Schemas['PasswordChangedDto'];

export type CaseListRow = Schemas['CaseListRowDto'];
export type CaseListPage = Schemas['CaseListPageDto'];
export type SavedCaseView = Schemas['SavedCaseView'];
export type CaseDetail = Schemas['CaseDetailDto'];
export type RegisteredCase = Schemas['RegisteredCaseDto'];
export type ActResult = Schemas['ActResultDto'];
export type TimelineEntry = Schemas['TimelineEntryDto'];
export type ChainVerification = Schemas['ChainVerificationDto'];
export type PetitionerView = Schemas['PetitionerViewDto'];
export type PersonView = Schemas['RepresentativeViewDto'];
export type AttachmentSummary = Schemas['AttachmentSummaryDto'];
export type IssuedNotice = Schemas['IssuedNoticeDto'];

export type Inbox = Schemas['InboxDto'];
export type InboxItem = Schemas['InboxItemDto'];
export type InboxCaseGroup = Schemas['InboxCaseGroupDto'];
/** What the inbox stream announces: a new item exists (the list is then read again). */
export type InboxAnnouncement = Schemas['InboxAnnouncementDto'];

export type MetricsReport = Schemas['MetricsReportDto'];
export type MetricCasesPage = Schemas['MetricCasesPageDto'];
export type FigureCase = Schemas['FigureCaseDto'];

export type UnitRow = Schemas['UnitRowDto'];
export type ManagedUser = Schemas['ManagedUserDto'];
/** A new or reset account's one-time password, shown once. */
export type IssuedCredentials = Schemas['IssuedCredentialsDto'];
export type PoliciesOverview = Schemas['PoliciesOverviewDto'];
export type PolicyVersionView = Schemas['PolicyVersionDto'];
export type PolicyPublished = Schemas['PolicyPublishedDto'];
export type CalendarsOverview = Schemas['CalendarsOverviewDto'];
export type CalendarVersionView = Schemas['CalendarVersionDto'];
export type CalendarPublished = Schemas['CalendarPublishedDto'];
export type NoticeTemplateVersion = Schemas['NoticeTemplateViewDto'];

export type ReceptionSession = Schemas['ReceptionSessionDto'];
export type ReceptionCase = Schemas['ReceptionCaseDto'];
/** A reception session with the cases registered in it (GET /api/reception-sessions/{id}). */
export type ReceptionRecord = Schemas['ReceptionRecordDto'];
