import { Card } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyList } from '../components/EmptyList';
import { AssistantPage } from '../pages/assistant/AssistantPage';
import { CustomerDetailPage } from '../pages/customers/CustomerDetailPage';
import { CustomersPage } from '../pages/customers/CustomersPage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { CalendarPage } from '../pages/followups/CalendarPage';
import { FollowUpsPage } from '../pages/followups/FollowUpsPage';
import { ContentPage } from '../pages/content/ContentPage';
import { ImportPage } from '../pages/import/ImportPage';
import { LeadDetailPage } from '../pages/leads/LeadDetailPage';
import { LeadsPage } from '../pages/leads/LeadsPage';
import { ProductsPage } from '../pages/products/ProductsPage';
import { RfmPage } from '../pages/rfm/RfmPage';
import { isSegmentId, SegmentPage } from '../pages/rfm/SegmentPage';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { AuditPage } from '../pages/settings/AuditPage';
import { HealthPage } from '../pages/settings/HealthPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { TransactionsPage } from '../pages/transactions/TransactionsPage';
import type { Route } from '../router';
import { useCan } from '../session/usePermission';
import { navSections, type NavKey } from './nav';

const NAV_KEYS = new Set<string>(navSections.flatMap((section) => section.items.map((item) => item.key)));

/** Which sidebar entry a route belongs to; unknown routes fall back to the dashboard. */
export function activeNav(route: Route): NavKey {
  const first = route.segments[0] ?? 'dashboard';
  return NAV_KEYS.has(first) ? (first as NavKey) : 'dashboard';
}

export function PageRouter({ route }: { route: Route }) {
  const { t } = useTranslation();
  const can = useCan();
  const key = activeNav(route);
  const [, id, sub] = route.segments;
  const required = navSections.flatMap((section) => section.items).find((entry) => entry.key === key)?.requires;

  if (required && !can(required)) {
    return (
      <Card>
        <EmptyList icon={IconLock} title={t('errors.forbiddenTitle')} description={t('errors.forbiddenText')} testId="forbidden" />
      </Card>
    );
  }

  switch (key) {
    case 'dashboard':
      return <DashboardPage />;
    case 'rfm':
      // The query is part of the key: a grid cell opened from the same segment starts with its own filters.
      if (id === 'segment' && isSegmentId(sub)) return <SegmentPage key={`${sub}?${route.query.toString()}`} segment={sub} query={route.query} />;
      return <RfmPage runId={route.query.get('runId') ?? undefined} />;
    case 'customers':
      return id ? <CustomerDetailPage id={id} /> : <CustomersPage />;
    case 'leads':
      // The query is part of the key: the board's "N lainnya" link opens the table on its stage.
      return id ? <LeadDetailPage id={id} /> : <LeadsPage key={route.query.toString()} query={route.query} />;
    case 'assistant':
      return <AssistantPage tab={id} sub={sub} />;
    case 'transactions':
      return <TransactionsPage />;
    case 'products':
      return <ProductsPage />;
    case 'import':
      return <ImportPage tab={id} />;
    case 'content':
      return <ContentPage tab={id} sub={sub} query={route.query} />;
    case 'reports':
      return <ReportsPage />;
    case 'settings':
      return <SettingsPage tab={id} />;
    case 'health':
      return <HealthPage />;
    case 'audit':
      return <AuditPage />;
    case 'followups':
      return <FollowUpsPage />;
    case 'calendar':
      return <CalendarPage query={route.query} />;
  }
}
