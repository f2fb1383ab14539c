// Review scheduling: the next review of a vendor falls one tier cadence after its last review;
// a vendor never reviewed is due now. Pure.
import { TIER_POLICY, type Tier } from './inherent-risk.ts';

export const REVIEW_DECISIONS = ['continue', 'remediate', 'exit'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export function nextReviewDue(tier: Tier, lastReviewAt: string | null, now: Date): { due_at: string; reason: string } {
  const days = TIER_POLICY[tier].review_days;
  if (!lastReviewAt) return { due_at: now.toISOString(), reason: `never reviewed; tier ${tier} is reviewed every ${days} days` };
  const due = new Date(Date.parse(lastReviewAt) + days * 86_400_000);
  return { due_at: due.toISOString(), reason: `last reviewed ${lastReviewAt.slice(0, 10)}; tier ${tier} every ${days} days` };
}
