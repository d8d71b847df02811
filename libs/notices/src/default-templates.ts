/* eslint-disable no-irregular-whitespace -- the full-width spaces (U+3000) are the paragraph indent of Chinese documents */
import { type NoticeKind } from './notice-fields';

/**
 * The templates a new installation starts with; an administrator may replace any of them.
 * Layout: the first line is the title; every further line is a paragraph (indent it with full-width
 * spaces 　　); a blank line adds space. The issuing unit and date are printed at the bottom by the layout.
 * Codes stand on a line of their own: a line may break after a hyphen, and readers then drop it.
 */
export const DEFAULT_NOTICE_TEMPLATES: Readonly<Record<NoticeKind, string>> = {
  acceptance: `信访事项受理告知书

案件编号：{{caseNumber}}

{{petitionerName}}：
　　你于{{receivedOn}}提出的“{{subject}}”信访事项，本机关已于{{acceptedOn}}依法受理。根据《信访工作条例》第三十四条的规定，本机关将在{{replyDueOn}}前办结并书面答复你；情况复杂需要延长办理期限的，将书面告知你延期理由。
　　你可以凭案件编号和查询码查询办理进度{{#if queryAddress}}（查询途径：{{queryAddress}}）{{/if}}。请妥善保管本告知书，勿将查询码告诉他人。
　　查询码：{{queryCode}}
　　特此告知。
`,

  notAccepted: `信访事项不予受理告知书

案件编号：{{caseNumber}}

{{petitionerName}}：
　　你于{{receivedOn}}提出的“{{subject}}”信访事项，经审查，{{reason}}。根据《信访工作条例》的有关规定，本机关决定不予受理。
　　请你依法{{legalChannel}}。
　　特此告知。
`,

  transfer: `信访事项转送告知书

案件编号：{{caseNumber}}

{{petitionerName}}：
　　你于{{receivedOn}}提出的“{{subject}}”信访事项，按照“属地管理、分级负责，谁主管、谁负责”的原则，本机关已于{{transferredOn}}将该事项转送{{receivingUnit}}办理。{{receivingUnit}}将依法处理，并将是否受理书面告知你。
　　特此告知。
`,

  extension: `信访事项延期办理告知书

案件编号：{{caseNumber}}

{{petitionerName}}：
　　你于{{receivedOn}}提出的“{{subject}}”信访事项，原定办理期限至{{originalDueOn}}。因{{reason}}，经本机关负责人批准，办理期限延长至{{extendedDueOn}}。
　　特此告知。
`,

  handlingOpinion: `信访事项处理意见书

案件编号：{{caseNumber}}

{{petitionerName}}：
　　你于{{receivedOn}}提出的“{{subject}}”信访事项，本机关已依法办理，现将处理意见告知如下：
　　{{opinion}}
　　处理结论：{{outcome}}。
　　你如对本处理意见不服，可以自收到本意见书之日起{{reviewWindowDays}}日内向{{reviewBody}}请求复查。
`,

  reviewOpinion: `信访事项复查意见书

案件编号：{{caseNumber}}

{{petitionerName}}：
　　你就“{{subject}}”信访事项，不服{{reviewedUnit}}于{{reviewedOpinionOn}}作出的处理意见，于{{requestedOn}}向本机关请求复查。本机关经复查，意见如下：
　　{{opinion}}
　　复查结论：{{outcome}}。
　　你如对本复查意见不服，可以自收到本意见书之日起{{reReviewWindowDays}}日内向{{reReviewBody}}请求复核。
`,

  reReviewOpinion: `信访事项复核意见书

案件编号：{{caseNumber}}

{{petitionerName}}：
　　你就“{{subject}}”信访事项，不服{{reviewedUnit}}于{{reviewedOpinionOn}}作出的复查意见，于{{requestedOn}}向本机关请求复核。本机关经复核，意见如下：
　　{{opinion}}
　　复核结论：{{outcome}}。
　　本复核意见为最终意见。你如仍以同一事实和理由提出投诉请求，信访部门和其他机关、单位不再受理。
`,
};
