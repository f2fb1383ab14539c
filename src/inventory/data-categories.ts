// The data-category vocabulary of CONTRACTS.md: the one list every module uses for
// "which kinds of personal data". Pure.
import { z } from 'zod';

export const DATA_CATEGORIES = [
  'name',
  'postal_address',
  'phone',
  'email',
  'date_of_birth',
  'gender',
  'national_id',
  'drivers_license',
  'passport',
  'financial_account',
  'payment_card',
  'account_credentials',
  'health',
  'biometric',
  'precise_geolocation',
  'vehicle_id',
  'vehicle_purchase',
  'service_history',
  'employment',
  'other',
] as const;

export const DataCategorySchema = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategorySchema>;

export function isDataCategory(v: string): v is DataCategory {
  return (DATA_CATEGORIES as readonly string[]).includes(v);
}
