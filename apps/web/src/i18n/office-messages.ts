/**
 * Texts of the office-day screens (pickers, print sheets, first run): kept in their own file so the
 * main message files change by one line. zh-CN first; `officeEn` has the same keys (a type checks it).
 */
export const officeZhCN = {
  staff: {
    placeholder: '输入姓名或单位名称查找',
    none: '本单位及上下级没有符合的人员',
  },
  evidence: {
    placeholder: '选择本案附件，或输入其他材料编号',
    unknownAttachment: '（附件已不在本案）',
  },
};

type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export const officeEn: SameKeys<typeof officeZhCN> = {
  staff: {
    placeholder: 'Type a name or a unit name',
    none: 'Nobody matches in your unit line',
  },
  evidence: {
    placeholder: "Choose the case's attachments, or type another reference",
    unknownAttachment: '(attachment no longer on this case)',
  },
};
