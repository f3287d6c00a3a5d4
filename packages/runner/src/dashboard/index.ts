export { type DashboardAssets, dashboardAssetsDir, loadDashboardAssets } from './dashboard-assets.js';
export { type DashboardMessageKey, dashboardMessages } from './dashboard-messages.js';
export { type DashboardIdentity, dashboardEnabled, registerDashboard } from './dashboard-routes.js';
export {
  buildOverview,
  OVERVIEW_COUNT_LIMIT,
  type OverviewView,
  type QueueOverview,
  scanOverview,
} from './overview.js';
