/** One workflow per case; its ID derives from the case number (defined in libs/domain). */
export { caseWorkflowId } from '../libs/domain/src/case/recorded-event';
