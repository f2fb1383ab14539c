// The list of CLI commands. Each capability's command file exports `register(program)`;
// adding a command is one import and one line here. Several engineers edit this file at once:
// re-read it right before editing and change only your two lines (see docs/DEVELOPING.md).
import type { Command } from 'commander';
import { register as registerAlerts } from './alerts.ts';
import { register as registerAudit } from './audit.ts';
import { register as registerCustomers } from './customers.ts';
import { register as registerDeadlines } from './deadlines.ts';
import { register as registerDemo } from './demo.ts';
import { register as registerDetect } from './detect.ts';
import { register as registerIncident } from './incident.ts';
import { register as registerIngest } from './ingest.ts';
import { register as registerInventory } from './inventory.ts';
import { register as registerKeys } from './keys.ts';
import { register as registerObligations } from './obligations.ts';
import { register as registerRulesCheck } from './rules-check.ts';
import { register as registerServe } from './serve.ts';
import { register as registerStatus } from './status.ts';
import { register as registerUsers } from './users.ts';
import { register as registerBrands } from './brands.ts';
import { register as registerLookalikes } from './lookalikes.ts';
import { register as registerPhishwatch } from './phishwatch.ts';
import { register as registerNotify } from './notify.ts';
import { register as registerReport } from './report.ts';
import { register as registerShip } from './ship.ts';
import { register as registerWorker } from './worker.ts';
import { register as registerCluster } from './cluster.ts';
import { register as registerOversee } from './oversee.ts';

export const COMMANDS: Array<(program: Command) => void> = [
  registerStatus,
  registerInventory,
  registerCustomers,
  registerIngest,
  registerIncident,
  registerDemo,
  registerKeys,
  registerObligations,
  registerDeadlines,
  registerRulesCheck,
  registerDetect,
  registerAlerts,
  registerServe,
  registerUsers,
  registerAudit,
  registerLookalikes,
  registerPhishwatch,
  registerBrands,
  registerNotify,
  registerReport,
  registerShip,
  registerWorker,
  registerCluster,
  registerOversee,
];
