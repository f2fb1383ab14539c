// Starts an assessment for a vendor: the questionnaires its tier calls for (or those named),
// combined into one snapshot, addressed to a contact, with a single-use portal link. The link
// token is returned once (to print or email) and never stored.
import { WardenError } from '../errors.ts';
import { getVendor } from '../inventory/inventory-store.ts';
import type { Store } from '../store/open-store.ts';
import { type Assessment, createAssessment } from './assessment-store.ts';
import { TIER_POLICY } from './inherent-risk.ts';
import { combineQuestionnaires, getQuestionnaire } from './library.ts';
import { vendorTier } from './tier-store.ts';
import { issueLink } from './token-links.ts';

export interface StartOptions {
  questionnaires?: string[];
  contact_email?: string;
  due_at?: string;
  now?: Date;
  link_days?: number;
}

export const DEFAULT_DUE_DAYS = 21;

export async function startAssessment(store: Store, vendorId: string, opts: StartOptions, actor: string): Promise<{ assessment: Assessment; token: string; expires_at: string }> {
  const vendor = await getVendor(store, vendorId);
  if (!vendor) throw new WardenError('not_found', `no vendor '${vendorId}'`, 'vendor');
  const now = opts.now ?? new Date();
  const ids = opts.questionnaires?.length ? opts.questionnaires : TIER_POLICY[(await vendorTier(store, vendorId)).tier].questionnaires;
  const parts = [];
  for (const id of ids) parts.push(await getQuestionnaire(store, id));
  const contact = opts.contact_email ?? vendor.contacts[0]?.email;
  const due_at = opts.due_at ?? new Date(now.getTime() + DEFAULT_DUE_DAYS * 86_400_000).toISOString();
  const questionnaire = combineQuestionnaires(`${vendorId}-${ids.join('_')}`.slice(0, 120), `Assessment of ${vendor.name}`, parts);
  const assessment = await createAssessment(store, { vendor_id: vendorId, questionnaire, due_at, created_at: now.toISOString(), ...(contact ? { contact_email: contact } : {}) }, actor);
  const days = opts.link_days ?? Math.max(1, Math.ceil((Date.parse(due_at) - now.getTime()) / 86_400_000) + 7);
  const link = await issueLink(store, assessment.id, { now, days });
  return { assessment, ...link };
}
