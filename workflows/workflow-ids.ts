/** One workflow per case; its ID derives from the case number. */
export function caseWorkflowId(caseNumber: string): string {
  return `petition-case-${caseNumber}`;
}
