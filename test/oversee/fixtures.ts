// Small questionnaires and inventories the oversight tests share, written for what they show.
import type { Inventory } from '../../src/inventory/inventory-schema.ts';
import { type Questionnaire, QuestionnaireSchema } from '../../src/oversee/questionnaire-model.ts';

export const MFA_QUESTIONNAIRE: Questionnaire = QuestionnaireSchema.parse({
  id: 'mini',
  name: 'Mini',
  source: 'test',
  license: 'test',
  questions: [
    { id: 'mfa', text: 'MFA for staff?', type: 'yes_no', weight: 4, severity: 'critical', controls: ['IA-2'], finding: 'No MFA' },
    { id: 'factor', text: 'Which factor?', type: 'choice', weight: 2, controls: ['IA-2'], show_if: { question: 'mfa', equals: 'yes' },
      options: [{ id: 'key', label: 'Key' }, { id: 'sms', label: 'SMS' }], expect: { equals: 'key' } },
    { id: 'factor-why', text: 'Why SMS?', type: 'text', weight: 1, controls: ['IA-2'], show_if: { question: 'factor', equals: 'sms' } },
    { id: 'shared', text: 'Named accounts only?', type: 'yes_no', weight: 4, severity: 'critical', controls: ['AC-2'] },
    { id: 'enc', text: 'Encryption where?', type: 'multi_choice', weight: 2, controls: ['SC-8', 'SC-28'],
      options: [{ id: 'transit', label: 'Transit' }, { id: 'rest', label: 'Rest' }], expect: { includes_all: ['transit', 'rest'] } },
    { id: 'pentest', text: 'Last pentest?', type: 'date', weight: 1, controls: ['CA-8'], expect: { max_age_days: 365 } },
    { id: 'report', text: 'Upload the report', type: 'file', weight: 1, controls: ['CA-8'], show_if: { question: 'pentest', answered: true } },
    { id: 'where', text: 'Where is data?', type: 'text', weight: 0 },
  ],
});

export function twoVendorInventory(): Inventory {
  return {
    entities: [{ id: 'sales', name: 'Sales Co.', country: 'JP', units: ['u1'] }],
    vendors: [
      {
        id: 'crm-vendor', name: 'CRM K.K.',
        contract: { breach_notice_sla_hours: 24, dpa_signed: true, sub_processors: ['hosting-co'] },
        contacts: [{ name: 'Desk', email: 'security@crm-vendor.example' }],
        systems: [{ id: 'dealer-crm', name: 'Dealer CRM', data: ['name', 'phone', 'email', 'vehicle_purchase'], entities: ['sales'], internet_exposed: true,
          grants: [{ account: 'support-01@crm-vendor.example', type: 'vendor_staff', last_used: '2026-01-01' }, { account: 'sync', type: 'service', last_used: '2026-11-01' }] }],
      },
      {
        id: 'mail-vendor', name: 'Mail Co.', contract: { dpa_signed: true, sub_processors: [] },
        contacts: [{ name: 'Support', email: 'support@mail-vendor.example' }],
        systems: [{ id: 'mailer', name: 'Mailer', data: ['email'], entities: [], internet_exposed: false, grants: [] }],
      },
    ],
  };
}
