import { OverviewDashboard } from '../../components/overview/overview-dashboard';

export default function OverviewPage() {
  return <OverviewDashboard />;
}
