// Every route file, one line each. To add a capability's routes: write
// src/server/routes/<capability>.ts exporting `routes` (an array of defineRoute(...)) and add
// its line here. See src/server/README.md.
export { routes as health } from './health.ts';
export { routes as auth } from './auth.ts';
export { routes as incidents } from './incidents.ts';
export { routes as incidentActions } from './incident-actions.ts';
export { routes as incidentExports } from './incident-exports.ts';
export { routes as alerts } from './alerts.ts';
export { routes as vendors } from './vendors.ts';
export { routes as customers } from './customers.ts';
export { routes as events } from './events.ts';
export { routes as overview } from './overview.ts';
export { routes as audit } from './audit.ts';
export { routes as users } from './users.ts';
export { routes as brandwatch } from './brandwatch.ts';
export { routes as notices } from './notices.ts';
export { routes as oversee } from './oversee.ts';
