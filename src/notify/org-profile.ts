// Who the notices speak for: the organisation's name, its official domain, phone line and
// hours, read from the environment with demo defaults. Templates name only this domain.
import { WardenError } from '../errors.ts';

export interface OrgProfile {
  name: string;
  domain: string;
  phone: string;
  hours: string;
  timeZone: string;
}

export const DEMO_ORG: OrgProfile = {
  name: 'Example Motor',
  domain: 'example-motor.example',
  phone: '0120-000-123',
  hours: '9:00-18:00',
  timeZone: 'Asia/Tokyo',
};

export function loadOrgProfile(env: NodeJS.ProcessEnv = process.env): OrgProfile {
  const domain = env.WARDEN_ORG_DOMAIN?.trim() || DEMO_ORG.domain;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(domain)) throw new WardenError('bad_usage', `'${domain}' is not a domain name`, 'WARDEN_ORG_DOMAIN');
  return {
    name: env.WARDEN_ORG_NAME?.trim() || DEMO_ORG.name,
    domain: domain.toLowerCase(),
    phone: env.WARDEN_ORG_PHONE?.trim() || DEMO_ORG.phone,
    hours: env.WARDEN_ORG_HOURS?.trim() || DEMO_ORG.hours,
    timeZone: env.WARDEN_ORG_TZ?.trim() || DEMO_ORG.timeZone,
  };
}
