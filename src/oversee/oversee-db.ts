// The oversight tables as Kysely sees them, added to the foundation schema with `withTables` so the
// shared schema file stays the lead's. Repositories in this folder reach the tables through `odb`.
import type { Kysely } from 'kysely';
import type { Store } from '../store/open-store.ts';
import type { Database } from '../store/schema.ts';

export type OverseeTables = {
  oversee_tier_overrides: { vendor_id: string; tier: string; reason: string; actor: string; at: string };
  oversee_questionnaires: { id: string; name: string; origin: string; body: string; created_at: string };
  oversee_assessments: {
    id: string;
    vendor_id: string;
    title: string;
    questionnaire: string; // JSON Questionnaire snapshot: later library edits never change a sent assessment
    status: string; // sent | in_progress | submitted | scored
    contact_email: string | null;
    due_at: string;
    answers: string; // JSON Answers
    score: string | null; // JSON AssessmentScore
    created_at: string;
    created_by: string;
    submitted_at: string | null;
    scored_at: string | null;
  };
  oversee_tokens: {
    hash: string; // SHA-256 of the token: the token itself is never stored
    kind: string; // link (single use) | session (what a redeemed link becomes)
    assessment_id: string;
    vendor_id: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
    revoked_at: string | null;
  };
  oversee_evidence: {
    id: string;
    assessment_id: string;
    question_id: string;
    filename: string;
    mime: string;
    size: number;
    sha256: string;
    content: string; // base64
    uploaded_at: string;
  };
  oversee_findings: {
    id: string;
    vendor_id: string;
    assessment_id: string;
    question_id: string;
    title: string;
    severity: string;
    controls: string; // JSON string[]
    owner: string;
    due_at: string;
    status: string;
    detail: string;
    created_at: string;
    updated_at: string;
  };
  oversee_reviews: { id: string; vendor_id: string; at: string; tier: string; decision: string; approver: string; notes: string; risk: string };
  oversee_reminders: { assessment_id: string; kind: string; outcome: string; at: string };
};

export type OverseeDb = Kysely<Database & OverseeTables>;

export function odb(store: Store): OverseeDb {
  return store.db.withTables<OverseeTables>();
}
