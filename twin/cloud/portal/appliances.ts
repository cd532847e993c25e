// Scans > Appliances: the appliances list with its preview pane, and New > Scanner Appliance
// (activation with the code from the appliance's screen; "Add To" an asset group for Unit
// Managers). Filled in by its own change; registered in index.ts.
import type { Route } from './context.ts';

export const routes: Route[] = [];
