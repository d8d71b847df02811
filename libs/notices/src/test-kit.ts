import { type NoticeData, type NoticeKind } from './notice-fields';

/** One realistic notice of every kind, for tests and previews. */
const common = {
  caseNumber: 'XFJ-2026-000123',
  petitionerName: '张喆堃',
  subject: '幸福小区停车位划分',
  receivedOn: '2026-11-02',
  issuingUnit: '临江区信访局',
  issuedOn: '2026-11-16',
};

export const SAMPLE_NOTICES: { [K in NoticeKind]: NoticeData<K> } = {
  acceptance: {
    ...common,
    acceptedOn: '2026-11-16',
    replyDueOn: '2027-01-15',
    queryCode: 'K7Q2-M9XA',
  },
  notAccepted: {
    ...common,
    reason: '你反映的劳动报酬争议应当通过劳动仲裁等法定途径解决',
    legalChannel: '向临江区劳动人事争议仲裁委员会申请仲裁',
  },
  transfer: { ...common, receivingUnit: '临江区住房和城乡建设局', transferredOn: '2026-11-10' },
  extension: {
    ...common,
    originalDueOn: '2027-01-15',
    extendedDueOn: '2027-02-14',
    reason: '该事项涉及多个部门，需进一步调查核实',
  },
  handlingOpinion: {
    ...common,
    outcome: '予以支持',
    opinion: '经调查，小区停车位划分方案未经业主大会表决。\n责成物业服务企业于30日内重新组织表决。',
    reviewBody: '临江市人民政府信访局',
    reviewWindowDays: 30,
  },
  reviewOpinion: {
    ...common,
    reviewedUnit: '临江区信访局',
    reviewedOpinionOn: '2026-12-20',
    requestedOn: '2027-01-08',
    outcome: '不予支持',
    opinion: '原处理意见认定事实清楚，适用政策正确。',
    reReviewBody: '江南省信访局',
    reReviewWindowDays: 30,
  },
  reReviewOpinion: {
    ...common,
    reviewedUnit: '临江市人民政府信访局',
    reviewedOpinionOn: '2027-02-05',
    requestedOn: '2027-02-20',
    outcome: '不予支持',
    opinion: '复查意见认定事实清楚，程序合法。',
  },
};
