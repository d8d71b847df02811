import { Foundation1764400000000 } from './1764400000000-foundation';
import { Inbox1764400000001 } from './1764400000001-inbox';
import { ReadModel1764400000002 } from './1764400000002-read-model';
import { PetitionerPersonalData1764400000003 } from './1764400000003-petitioner-personal-data';
import { AccessAudit1764400000005 } from './1764400000005-access-audit';
import { AccusedParties1764400000006 } from './1764400000006-accused-parties';
import { Authentication1764400000004 } from './1764400000004-authentication';
import { CaseMetrics1764400000007 } from './1764400000007-case-metrics';
import { AdminAudit1764400000008 } from './1764400000008-admin-audit';
import { NoticesAndQueryCodes1764400000011 } from './1764400000011-notices-and-query-codes';
import { RepeatAndCollectivePetitions1764400000009 } from './1764400000009-repeat-and-collective-petitions';
import { CaseScopeUnits1764400000012 } from './1764400000012-case-scope-units';
import { CaseAttachments1764400000014 } from './1764400000014-case-attachments';
import { CaseQueue1764400000131 } from './1764400000131-case-queue';
import { ReceptionSessions1764400000010 } from './1764400000010-reception-sessions';
import { PublicationsInForce1764400000013 } from './1764400000013-publications-in-force';
import { SkipLevelReferrals1764400000121 } from './1764400000121-skip-level-referrals';
import { PublicSatisfactionRatings1764400000122 } from './1764400000122-public-satisfaction-ratings';
import { NoticeDocumentNumbers1764400000151 } from './1764400000151-notice-document-numbers';

/** Every migration, in order; listed explicitly rather than found by file globs. */
export const MIGRATIONS = [
  Foundation1764400000000,
  Inbox1764400000001,
  ReadModel1764400000002,
  PetitionerPersonalData1764400000003,
  Authentication1764400000004,
  AccessAudit1764400000005,
  AccusedParties1764400000006,
  CaseMetrics1764400000007,
  AdminAudit1764400000008,
  RepeatAndCollectivePetitions1764400000009,
  ReceptionSessions1764400000010,
  NoticesAndQueryCodes1764400000011,
  CaseScopeUnits1764400000012,
  PublicationsInForce1764400000013,
  CaseAttachments1764400000014,
  SkipLevelReferrals1764400000121,
  PublicSatisfactionRatings1764400000122,
  CaseQueue1764400000131,
  NoticeDocumentNumbers1764400000151,
];
