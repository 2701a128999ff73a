import { AuditPage } from '../pages/AuditPage';
import { BusinessesPage } from '../pages/BusinessesPage';
import { BusinessPage } from '../pages/business/BusinessPage';
import { HealthPage } from '../pages/HealthPage';
import { SettingsPage } from '../pages/SettingsPage';
import { useRoute } from '../router';

export function PageRouter() {
  const route = useRoute();
  const [first, second] = route.segments;
  if (first === 'businesses' && second) return <BusinessPage id={second} />;
  if (first === 'audit') return <AuditPage />;
  if (first === 'health') return <HealthPage />;
  if (first === 'settings') return <SettingsPage />;
  return <BusinessesPage />;
}
