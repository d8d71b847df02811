/** An attachment as the API lists it: never its content. */
export interface AttachmentSummary {
  id: string;
  caseNumber: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** How an action's `evidenceRefs` names this file; the digest ties the recorded event to the content. */
  ref: string;
  uploadedBy: string;
  uploadedByName: string | null;
  uploadedAt: string;
}
