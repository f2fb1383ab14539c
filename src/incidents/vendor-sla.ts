// Did the vendor tell us in time? Compares when it discovered the breach with when it told
// us, against the contract's breach-notice SLA. Pure.

export interface SlaCheck {
  sla_hours: number | null;
  hours_taken: number | null;
  breached: boolean | null;
  message: string;
}

export function checkVendorSla(slaHours: number | undefined, discoveredAt: string | undefined, toldUsAt: string | undefined): SlaCheck {
  const sla = slaHours ?? null;
  if (!discoveredAt || !toldUsAt) {
    return { sla_hours: sla, hours_taken: null, breached: null, message: 'vendor discovery or notification time not recorded' };
  }
  const hours = Math.round(((Date.parse(toldUsAt) - Date.parse(discoveredAt)) / 3_600_000) * 10) / 10;
  if (sla === null) return { sla_hours: null, hours_taken: hours, breached: null, message: `told us after ${hours} h; the contract sets no breach-notice SLA` };
  const breached = hours > sla;
  return {
    sla_hours: sla,
    hours_taken: hours,
    breached,
    message: breached ? `told us after ${hours} h; contract says ${sla} h` : `told us after ${hours} h, within the contract's ${sla} h`,
  };
}
