/**
 * The audit log of decisions: on NATS, a JetStream stream with one subject per decision, so a decision is found
 * by its id and a replayed one is dropped by the stream's de-duplication (the message id is the decision id).
 */
export const AUDIT_STREAM = 'OCTROI_DECISIONS';
export const AUDIT_SUBJECT_PREFIX = 'octroi.v1.audit.decisions';
export const auditSubject = (decisionId: string) =>
  `${AUDIT_SUBJECT_PREFIX}.${decisionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
