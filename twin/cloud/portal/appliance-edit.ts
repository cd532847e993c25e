// Editing an appliance (the Appliance wizard): its name, VLANs and static routes (Configure
// VLANs / Static Routes using the Qualys UI), and "Enable IPv6 for this scanner". Filled in by
// its own change; registered in index.ts.
import type { Route } from './context.ts';

export const routes: Route[] = [];
