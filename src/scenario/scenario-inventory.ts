// The demo's inventory: the maker, its sales company (controller of the CRM's customers),
// the CRM vendor with its system, grants and contract, and a second vendor for contrast.
import type { Inventory } from '../inventory/inventory-schema.ts';
import { ACCOUNTS, TIMELINE, UNITS } from './scenario-world.ts';

export function scenarioInventory(): Inventory {
  return {
    entities: [
      { id: 'example-motor', name: 'Example Motor Corporation', country: 'JP' },
      { id: 'tokyo-sales', name: 'Example Motor Tokyo Sales Co.', country: 'JP', parent: 'example-motor', units: UNITS.map((u) => u.id) },
    ],
    vendors: [
      {
        id: 'crm-vendor',
        name: 'Example CRM K.K.',
        contract: { breach_notice_sla_hours: TIMELINE.breachNoticeSlaHours, dpa_signed: true, data_location: 'JP', sub_processors: ['hosting-co'], audit_rights: true },
        contacts: [{ name: 'Security Desk', email: 'security@crm-vendor.example' }],
        systems: [
          {
            id: 'dealer-crm',
            name: 'Dealer CRM',
            data: ['name', 'postal_address', 'phone', 'email', 'vehicle_purchase', 'service_history'],
            entities: ['tokyo-sales'],
            internet_exposed: true,
            grants: [
              ...ACCOUNTS.vendorStaff.map((account) => ({
                account,
                type: 'vendor_staff' as const,
                owner: 'crm-vendor support desk (shared)',
                last_used: account === ACCOUNTS.attacker ? TIMELINE.attackerLastLegitimateUse : '2026-11-01',
              })),
              { account: ACCOUNTS.sync, type: 'service' as const, owner: 'example-motor IT', last_used: '2026-11-02' },
            ],
          },
        ],
      },
      {
        id: 'mail-vendor',
        name: 'Example Campaign Mail Co.',
        contract: { breach_notice_sla_hours: 72, dpa_signed: true, data_location: 'JP', sub_processors: [], audit_rights: false },
        contacts: [{ name: 'Support', email: 'support@mail-vendor.example' }],
        systems: [{ id: 'campaign-mailer', name: 'Campaign Mailer', data: ['name', 'email'], entities: ['tokyo-sales'], internet_exposed: true, grants: [] }],
      },
    ],
  };
}
