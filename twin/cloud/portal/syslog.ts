// Scans > Setup > Syslog Forwarding (2022, Manager only). Filled in by its own change;
// registered in index.ts.
import type { Route } from './context.ts';

export const routes: Route[] = [];
