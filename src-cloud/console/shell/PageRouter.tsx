import { AssistantOverviewPage } from '../pages/assistant/AssistantOverviewPage';
import { ConversationPage } from '../pages/assistant/ConversationPage';
import { AuditPage } from '../pages/AuditPage';
import { BusinessesPage } from '../pages/BusinessesPage';
import { BusinessPage } from '../pages/business/BusinessPage';
import { HealthPage } from '../pages/HealthPage';
import { SettingsPage } from '../pages/SettingsPage';
import { useRoute } from '../router';

export function PageRouter() {
  const route = useRoute();
  const [first, second, third, fourth] = route.segments;
  if (first === 'businesses' && second && third === 'conversations' && fourth)
    return <ConversationPage key={fourth} businessId={second} conversationId={fourth} />;
  if (first === 'businesses' && second) return <BusinessPage id={second} />;
  if (first === 'assistant') return <AssistantOverviewPage />;
  if (first === 'audit') return <AuditPage />;
  if (first === 'health') return <HealthPage />;
  if (first === 'settings') return <SettingsPage />;
  return <BusinessesPage />;
}
