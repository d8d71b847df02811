/**
 * The one registry of error codes: every stable code the domain, the API and the public app raise,
 * each with its kind (which fixes the HTTP status, in HTTP_STATUS_BY_KIND only) and a default
 * message, Chinese first with English beside. A raise site may pass a more precise message; the code
 * and the status are always the registry's. `error-codes.spec.ts` fails when a code is raised that is
 * not listed here, or when a code is declared a second time elsewhere.
 */

/**
 * What kind of mistake an error reports; each kind has one HTTP status.
 * - `invalid`: the input itself is malformed or incomplete (400);
 * - `unauthenticated`: no valid login (401);
 * - `forbidden`: the actor's role or unit may not do this (403);
 * - `notFound`: the addressed thing does not exist, or is not visible to the caller (404);
 * - `conflict`: the action does not fit the current state (409);
 * - `tooLarge` (413), `unsupportedMedia` (415): an upload refused for its size or type;
 * - `rule`: well-formed input that breaks a business rule (422);
 * - `locked` (423), `tooManyRequests` (429): refused for a while;
 * - `internal` (500), `unavailable` (503): the server's fault, not the caller's.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'tooLarge'
  | 'unsupportedMedia'
  | 'rule'
  | 'locked'
  | 'tooManyRequests'
  | 'internal'
  | 'unavailable';

/** The one kind → HTTP status map. */
export const HTTP_STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  tooLarge: 413,
  unsupportedMedia: 415,
  rule: 422,
  locked: 423,
  tooManyRequests: 429,
  internal: 500,
  unavailable: 503,
};

/** A code's kind and its default message: [kind, 中文, English]. */
export type ErrorCodeSpec = readonly [kind: ErrorKind, zh: string, en: string];

export const ERROR_CODES = {
  // ── The case state machine (libs/domain/src/case) ───────────────────────────────────────────────
  // conflict (409): the action does not fit the case's current state
  CASE_STATE_CONFLICT: ['conflict', '案件当前状态不允许此操作', 'the case’s state does not allow this'],
  CLOCK_ALREADY_PAUSED: ['conflict', '期限已暂停', 'the clock is already paused'],
  CLOCK_NOT_PAUSED: ['conflict', '期限未暂停', 'the clock is not paused'],
  EXTENSION_ALREADY_REQUESTED: ['conflict', '已申请延期，等待审批', 'an extension is already requested'],
  NO_EXTENSION_PENDING: ['conflict', '没有待审批的延期申请', 'no extension is pending'],
  DOCUMENT_NOT_ISSUED: ['conflict', '文书尚未出具', 'the document has not been issued'],
  ALREADY_DELIVERED: ['conflict', '文书已送达', 'the document is already delivered'],
  SATISFACTION_ALREADY_RECORDED: ['conflict', '评价已记录', 'the rating is already recorded'],
  NO_OBJECTION_PENDING: ['conflict', '没有待处理的异议', 'no objection is pending'],
  COMPLETION_ALREADY_REPORTED: ['conflict', '已报告办结', 'completion is already reported'],
  NO_RECUSAL_PENDING: ['conflict', '没有待决定的回避申请', 'no recusal is pending'],
  ALREADY_RECUSED: ['conflict', '该人员已回避', 'the person is already recused'],
  // forbidden (403): the actor's role or unit may not do this
  ROLE_NOT_ALLOWED: ['forbidden', '您的角色无权执行此操作', 'none of your roles may do this'],
  NOT_HOLDING_UNIT: ['forbidden', '案件不在本单位', 'your unit does not hold the case'],
  NOT_ON_CASE: ['forbidden', '您不是本案承办人员', 'you are not on this case'],
  NOT_RESPONSIBLE_UNIT_LEADER: [
    'forbidden',
    '须由责任单位领导操作',
    'only a leader of the responsible unit may',
  ],
  NOT_DECIDING_BODY: ['forbidden', '须由作出决定的机关操作', 'only the deciding body may'],
  RECUSED_PERSON: ['forbidden', '已回避人员不得办理本案', 'a recused person may not act on the case'],
  NOT_RECUSAL_DECIDER: ['forbidden', '无权决定该回避申请', 'you may not decide this recusal'],
  // rule (422): well-formed input that breaks a business rule
  SIX_DEFINES_INCOMPLETE: ['rule', '“六定”不完整', 'the six defines are incomplete'],
  DEADLINE_BEYOND_LIMIT: ['rule', '期限超过法定上限', 'the deadline is beyond the statutory limit'],
  HANDLER_NOT_IN_UNIT: ['rule', '承办人不在责任单位', 'the handler is not in the responsible unit'],
  PACKAGE_LEADER_NOT_LEADER: ['rule', '包案领导须为领导', 'the package leader must be a leader'],
  RESPONSIBLE_UNIT_OUT_OF_SCOPE: ['rule', '责任单位不在管辖范围内', 'the responsible unit is out of scope'],
  ACCUSED_UNIT_EXCLUDED: ['rule', '被反映单位不得办理本案', 'the accused unit may not handle the case'],
  ACCUSED_PERSON_EXCLUDED: ['rule', '被反映人不得办理本案', 'the accused person may not handle the case'],
  TRANSFER_TO_SELF: ['rule', '不能转送本单位', 'a case cannot be transferred to its own unit'],
  ASSIGN_TARGET_NOT_SUBORDINATE: [
    'rule',
    '交办对象须为下级单位',
    'the case can be assigned only to a unit below',
  ],
  OBJECTION_WINDOW_CLOSED: ['rule', '异议期限已过', 'the objection window has closed'],
  NOT_ASSIGNED_DOWN: ['rule', '案件不是交办下来的', 'the case was not assigned down'],
  PACKAGE_LEADER_PRESET: ['rule', '包案领导已预先确定', 'the package leader is preset'],
  RECEPTION_LEADER_NOT_LEADER: ['rule', '接待领导须为领导', 'the reception leader must be a leader'],
  RECEPTION_CHANNEL_MISMATCH: [
    'rule',
    '领导接待日登记的来源渠道须为 leaderReception',
    'a reception-day case comes by the leaderReception channel',
  ],
  EXTENSION_ALREADY_USED: ['rule', '已延期过一次', 'the extension is already used'],
  EXTENSION_TOO_LONG: ['rule', '延期天数超过上限', 'the extension is too long'],
  EXTENSION_AFTER_DEADLINE: [
    'rule',
    '期限届满后不能申请延期',
    'an extension cannot be asked after the deadline',
  ],
  PAUSE_REASON_NOT_LISTED: ['rule', '暂停事由不在规定之列', 'the pause reason is not listed'],
  CLOCK_ALREADY_RAN_OUT: ['rule', '期限已届满', 'the clock has already run out'],
  INVESTIGATION_NOT_RECORDED: ['rule', '尚未记录调查核实情况', 'the investigation is not recorded'],
  DUTY_NEEDS_REPLY: ['rule', '须出具答复意见', 'the duty needs a reply'],
  REPLY_NOT_DELIVERED: ['rule', '答复尚未送达', 'the reply has not been delivered'],
  DELIVERY_IN_FUTURE: ['rule', '送达时间不能晚于现在', 'the delivery cannot be in the future'],
  REVIEW_OPINION_NOT_DELIVERED: ['rule', '复查意见尚未送达', 'the review opinion has not been delivered'],
  REVIEW_WINDOW_CLOSED: ['rule', '复查申请期限已过', 'the review window has closed'],
  RE_REVIEW_WINDOW_CLOSED: ['rule', '复核申请期限已过', 'the re-review window has closed'],
  REQUEST_WINDOW_STILL_OPEN: ['rule', '申请期限尚未届满', 'the request window is still open'],
  TOO_MANY_REPRESENTATIVES: ['rule', '代表人数超过上限', 'too many representatives'],
  RECEIVED_AFTER_REGISTRATION: ['rule', '收到时间不能晚于登记时间', 'received after registration'],
  RECUSED_PERSON_NAMED: ['rule', '不能指定已回避人员', 'a recused person is named'],
  RECEIVED_IN_FUTURE: ['rule', '收到时间不能晚于现在', 'received in the future'],
  RECEIVED_BEFORE_DELIVERY: ['rule', '收到时间不能早于送达时间', 'received before the delivery'],
  OUTCOME_RETIRED: ['rule', '该处理结果已停用', 'the outcome is retired'],
  // invalid (400): malformed or incomplete input; notFound (404): no such action
  ACTION_UNKNOWN: ['notFound', '未知的操作', 'unknown action'],
  FIELD_REQUIRED: ['invalid', '缺少必填项', 'a field is required'],
  FIELD_INVALID: ['invalid', '字段取值无效', 'a field is invalid'],
  FACT_MISSING: ['invalid', '缺少必要事实', 'a fact is missing'],
  REASSIGN_NO_CHANGE: ['invalid', '改派对象与原承办人相同', 'the reassignment changes nothing'],

  // ── The organisation (libs/domain/src/org) ──────────────────────────────────────────────────────
  // A unit named in a well-formed request that does not exist (422, as the API's own unit lookups).
  UNIT_UNKNOWN: ['rule', '单位不存在', 'unknown unit'],
  UNIT_DUPLICATE: ['invalid', '单位编码重复', 'duplicate unit code'],
  UNIT_PARENT_UNKNOWN: ['invalid', '上级单位不存在', 'unknown parent unit'],
  UNIT_TREE_CYCLE: ['invalid', '单位层级成环', 'the unit tree has a cycle'],
  UNIT_TREE_TOP: ['invalid', '单位树须有且只有一个顶层单位', 'the unit tree needs exactly one top unit'],
  NO_BODY_ABOVE: ['rule', '没有登记的上级机关', 'no body is recorded above'],
  PRINCIPAL_INVALID: ['invalid', '人员信息不完整', 'person reference invalid'],

  // ── Clocks, calendars and policies (libs/domain/src/clock, policy) ─────────────────────────────
  // A document an administrator publishes that the domain refuses: 422, as the API has always answered.
  INVALID_POLICY: ['rule', '策略无效', 'invalid policy'],
  INVALID_CALENDAR: ['rule', '日历格式错误', 'invalid calendar'],
  INVALID_HOLIDAY_TABLE: ['rule', '节假日表无效', 'invalid holiday table'],
  CALENDAR_YEAR_UNAVAILABLE: ['rule', '没有该年的官方节假日数据', 'no official holiday data for the year'],
  INVALID_DATE: ['invalid', '日期格式错误', 'invalid date'],
  INVALID_INSTANT: ['invalid', '时间格式错误', 'invalid instant'],
  INVALID_DURATION: ['invalid', '时长格式错误', 'invalid duration'],
  INVALID_PAUSE: ['invalid', '暂停时间无效', 'invalid pause'],
  INVALID_DEADLINE_INPUT: ['invalid', '期限参数错误', 'invalid deadline input'],
  INVALID_YEAR_RANGE: ['invalid', '年份范围颠倒', 'the year range is reversed'],

  // ── Notices (libs/notices, apps/api/src/notices) ───────────────────────────────────────────────
  NOTICE_DATA_INVALID: ['invalid', '告知书数据无效', 'invalid notice data'],
  NOTICE_TEMPLATE_EMPTY: ['invalid', '模板没有内容', 'the template prints nothing'],
  NOTICE_TEMPLATE_SYNTAX: ['invalid', '模板语法错误', 'template syntax error'],
  NOTICE_TEMPLATE_UNKNOWN_FIELD: ['invalid', '模板使用了未知字段', 'the template uses an unknown field'],
  NOTICE_TEMPLATE_UNSUPPORTED: [
    'invalid',
    '模板使用了不支持的写法',
    'the template uses an unsupported construct',
  ],
  NOTICE_TEMPLATE_INVALID: ['rule', '模板有问题', 'the template has problems'],
  NOTICE_CHARACTERS_NOT_IN_FONT: [
    'rule',
    '文书字体缺少某些字符，无法打印',
    'the notice font cannot print some characters',
  ],
  NOTICE_KIND_NOT_FOUND: ['notFound', '没有这种告知书', 'no such notice kind'],
  NOTICE_NOT_FOUND: ['notFound', '告知书不存在', 'notice not found'],
  NOTICE_FONT_UNAVAILABLE: [
    'unavailable',
    '文书字体未安装，暂不能生成告知书',
    'the notice font is not installed',
  ],

  // ── Requests in general (apps/api/src/http) ────────────────────────────────────────────────────
  VALIDATION_FAILED: ['invalid', '请求内容不符合要求', 'request validation failed'],
  BAD_REQUEST: ['invalid', '请求格式错误', 'malformed request'],
  NOT_FOUND: ['notFound', '资源不存在', 'not found'],
  PAYLOAD_TOO_LARGE: ['tooLarge', '请求体过大', 'request body exceeds the server limit'],
  INTERNAL_ERROR: ['internal', '服务器内部错误', 'internal server error'],

  // ── Authentication (apps/api/src/auth) ─────────────────────────────────────────────────────────
  AUTH_REQUIRED: ['unauthenticated', '需要登录', 'authentication required'],
  SESSION_EXPIRED: ['unauthenticated', '登录已过期，请重新登录', 'session expired, please log in again'],
  SESSION_IDLE_TIMEOUT: [
    'unauthenticated',
    '长时间未操作，请重新登录',
    'session ended after inactivity, please log in again',
  ],
  SESSION_REVOKED: ['unauthenticated', '登录已注销', 'session has been logged out'],
  INVALID_CREDENTIALS: ['unauthenticated', '用户名或密码错误', 'wrong username or password'],
  INVALID_TOTP_CODE: ['unauthenticated', '动态验证码错误，请重新登录', 'wrong one-time code, log in again'],
  CHALLENGE_INVALID: [
    'unauthenticated',
    '登录步骤无效或已使用，请重新登录',
    'login step is invalid or already used, log in again',
  ],
  CHALLENGE_EXPIRED: ['unauthenticated', '登录步骤已超时，请重新登录', 'login step timed out, log in again'],
  ACCOUNT_LOCKED: [
    'locked',
    '多次登录失败，账户已临时锁定',
    'account temporarily locked after repeated failures',
  ],
  CURRENT_PASSWORD_WRONG: ['forbidden', '当前密码错误', 'current password is wrong'],
  RATE_LIMITED: ['tooManyRequests', '请求过于频繁，请稍后再试', 'too many requests, try again later'],
  PASSWORD_POLICY: ['invalid', '新密码不符合密码规则', 'the new password breaks the password rules'],

  // ── Administration (apps/api/src/admin) ────────────────────────────────────────────────────────
  UNIT_OUT_OF_SCOPE: ['forbidden', '单位不在你的管辖范围内', 'the unit is outside your scope'],
  UNIT_CODE_TAKEN: ['conflict', '单位编码已存在', 'the unit code is taken'],
  USERNAME_TAKEN: ['conflict', '登录名已被使用', 'the username is taken'],
  USER_NOT_FOUND: ['notFound', '用户不存在', 'no such user'],
  USER_ALREADY_INACTIVE: ['conflict', '该用户已停用', 'the user is already deactivated'],
  USER_ALREADY_ACTIVE: ['conflict', '该用户已启用', 'the user is already active'],
  CANNOT_DEACTIVATE_SELF: ['rule', '不能停用自己的账户', 'you cannot deactivate yourself'],
  CANNOT_CHANGE_OWN_ROLES: [
    'rule',
    '不能修改自己的角色，请由另一位管理员操作',
    'you cannot change your own roles; another administrator must',
  ],
  ADMIN_WITH_CASE_ROLES: [
    'rule',
    '管理员不能兼任办案角色（职责分离）',
    'an administrator cannot also hold a case-handling role (separation of duties)',
  ],
  CANNOT_RESET_OWN_CREDENTIALS: [
    'rule',
    '不能重置自己的凭据，请修改密码',
    'you cannot reset your own credentials; change your password instead',
  ],
  NOTICE_NUMBER_PATTERN_INVALID: [
    'rule',
    '文号格式只能使用 {unitShort}、{unitCode}、{year}、{seq}，且须含 {seq}',
    'the pattern may use only {unitShort}, {unitCode}, {year}, {seq} and must contain {seq}',
  ],
  VERSION_PUBLISHED_WITH_OTHER_CONTENT: [
    'conflict',
    '该版本号已以不同内容发布，请使用新版本号',
    'that version was published with other content; give it a new version',
  ],
  BUILT_IN_VERSION: [
    'rule',
    '该版本号属于内置策略，请使用新版本号',
    'that version is the built-in policy; give it a new version',
  ],

  // ── Reception days (apps/api/src/reception) ────────────────────────────────────────────────────
  RECEPTION_SESSION_NOT_FOUND: ['notFound', '接待场次不存在', 'no such reception session'],
  LEADER_NOT_ELIGIBLE: [
    'rule',
    '接待领导须为本单位上下级的在职领导',
    'the leader must be an active leader in the unit’s line',
  ],
  SESSION_DATE_PAST: ['rule', '接待日期不能早于今天', 'a session cannot be published for a past day'],
  DATE_RANGE_INVALID: ['invalid', '起始日期晚于截止日期', 'from is after to'],
  RECEPTION_SESSION_UNKNOWN: ['rule', '接待场次不存在', 'no such reception session'],
  RECEPTION_SESSION_OTHER_DAY: [
    'rule',
    '接待场次不在收到信访事项的当日',
    'the session is not on the day the petition was received',
  ],
  RECEPTION_SESSION_OUT_OF_SCOPE: [
    'rule',
    '接待场次不属于本单位上下级',
    'the session is not in your unit’s line',
  ],
  RECEPTION_LEADER_UNAVAILABLE: [
    'rule',
    '接待领导已不在领导岗位',
    'the session’s leader no longer holds a leader role',
  ],

  // ── Cases through the API (apps/api/src/cases, actions, inbox, petitioners) ────────────────────
  CASE_NOT_FOUND: ['notFound', '案件不存在', 'case not found'],
  UNIT_NOT_FOUND: ['rule', '单位不存在', 'unknown unit'],
  IDEMPOTENCY_KEY_REUSED: [
    'rule',
    '幂等键已用于另一份不同的登记',
    'Idempotency-Key was already used with a different request body',
  ],
  ACTION_REJECTED: ['invalid', '操作被拒绝', 'the action was rejected'],
  EVIDENCE_NOT_ATTACHED: ['rule', '证据不是本案的附件', 'the evidence is not attached to the case'],
  PERSON_NOT_FOUND: ['rule', '人员不存在或无相应职务', 'person not found in a fitting role'],
  PERSON_OUT_OF_SCOPE: ['rule', '人员不在可选范围内', 'the person is out of scope'],
  SAVED_VIEW_NAME_TAKEN: ['conflict', '已有同名视图', 'you already have a view of that name'],
  SAVED_VIEW_NOT_FOUND: ['notFound', '视图不存在', 'no such saved view'],
  INBOX_ITEM_NOT_FOUND: ['notFound', '提醒不存在', 'inbox item not found'],

  // ── Attachments (apps/api/src/attachments) ─────────────────────────────────────────────────────
  ATTACHMENT_MISSING: [
    'invalid',
    '请以 multipart/form-data 上传一个文件，字段名 file',
    'send one file as multipart/form-data in the field "file"',
  ],
  ATTACHMENT_MALFORMED: ['invalid', '上传内容格式错误', 'the multipart upload is malformed'],
  ATTACHMENT_UNEXPECTED_FIELD: [
    'invalid',
    '只接受一个名为 file 的文件字段',
    'only one file, in the field "file", is accepted',
  ],
  ATTACHMENT_TOO_LARGE: ['tooLarge', '附件超过大小上限', 'the file exceeds the size limit'],
  ATTACHMENT_EMPTY: ['rule', '附件为空文件', 'the file is empty'],
  ATTACHMENT_NAME_INVALID: [
    'rule',
    '文件名须为1至255个字符且不含控制字符或路径',
    'the file name must be 1–255 characters, without control characters or a path',
  ],
  ATTACHMENT_TYPE_NOT_ALLOWED: [
    'unsupportedMedia',
    '不支持的文件类型（可上传 PDF、JPG、PNG、OFD、Word、Excel、TXT）',
    'file type not allowed (PDF, JPG, PNG, OFD, Word, Excel, TXT)',
  ],
  ATTACHMENT_CONTENT_MISMATCH: [
    'unsupportedMedia',
    '文件内容与扩展名不符',
    'the file content does not match its extension',
  ],
  ATTACHMENT_NOT_FOUND: ['notFound', '附件不存在', 'attachment not found'],

  // ── The public progress app (apps/public) ──────────────────────────────────────────────────────
  PROGRESS_NOT_FOUND: ['notFound', '案件编号或查询码不正确', 'the case number or query code is not correct'],
} as const satisfies Record<string, ErrorCodeSpec>;

/** Every stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

export function errorKindOf(code: ErrorCode): ErrorKind {
  return ERROR_CODES[code][0];
}

/** The HTTP status a client sees for the code. */
export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS_BY_KIND[errorKindOf(code)];
}

/** The code's default message, `中文 / English`. */
export function defaultMessageOf(code: ErrorCode): string {
  const [, zh, en] = ERROR_CODES[code];
  return `${zh} / ${en}`;
}
