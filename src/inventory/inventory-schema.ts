// The inventory's external shape (CONTRACTS.md "Inventory YAML"): entities, vendors, their
// systems, the data those hold and who can reach them, and contract terms a machine can check.
// Strict objects: an unknown key is an error, not silently ignored.
import { z } from 'zod';
import { DataCategorySchema } from './data-categories.ts';

const Id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a lowercase id (a-z, 0-9, . _ -)');
const Country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');
const DateOnly = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date (YYYY-MM-DD)'), z.date()]).transform((v) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : v,
);

export const EntitySchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  country: Country,
  parent: Id.optional(),
  units: z.array(z.string().min(1)).optional(),
  dealers: z.array(z.string().min(1)).optional(),
});

export const ContractSchema = z.strictObject({
  breach_notice_sla_hours: z.number().positive().optional(),
  dpa_signed: z.boolean().optional(),
  data_location: Country.optional(),
  sub_processors: z.array(z.string().min(1)).optional(),
  audit_rights: z.boolean().optional(),
  renewal: DateOnly.optional(),
});

export const ContactSchema = z.strictObject({
  name: z.string().min(1),
  email: z.email(),
  phone: z.string().optional(),
  role: z.string().optional(),
});

export const GrantSchema = z.strictObject({
  account: z.string().min(1),
  type: z.enum(['vendor_staff', 'dealer_staff', 'employee', 'service', 'unknown']),
  owner: z.string().optional(),
  last_used: DateOnly.optional(),
});

export const SystemSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  data: z.array(DataCategorySchema).min(1),
  entities: z.array(Id).default([]),
  internet_exposed: z.boolean().default(true),
  grants: z.array(GrantSchema).default([]),
});

export const VendorSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  contract: ContractSchema.default({}),
  contacts: z.array(ContactSchema).default([]),
  systems: z.array(SystemSchema).default([]),
});

export const InventorySchema = z.strictObject({
  entities: z.array(EntitySchema).default([]),
  vendors: z.array(VendorSchema).default([]),
});

export type Inventory = z.infer<typeof InventorySchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type Vendor = z.infer<typeof VendorSchema>;
export type VendorSystem = z.infer<typeof SystemSchema>;
export type Contract = z.infer<typeof ContractSchema>;
export type Grant = z.infer<typeof GrantSchema>;
