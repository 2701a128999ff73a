import { Button, Card } from '@mantine/core';
import { IconCloudOff, IconPlugConnectedX, IconRobotOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { EmptyList } from '../../components/EmptyList';
import { href } from '../../router';

/**
 * Why the assistant's chats cannot be shown, as the main process worded it (not linked, offline,
 * not turned on, …), with a retry: the cloud may be back a minute later.
 */
export function Unavailable({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation();
  const reason = error.details?.reason;
  const icon = reason === 'offline' ? IconCloudOff : reason === 'notEnabled' ? IconRobotOff : IconPlugConnectedX;
  return (
    <Card>
      <EmptyList
        icon={icon}
        title={t('assistant.unavailableTitle')}
        description={error.message}
        testId="assistant-unavailable"
        actions={
          <>
            {/* Linking (again) is done in Settings → Sync: one click there. */}
            {(reason === 'notEnrolled' || reason === 'unauthorised') && (
              <Button component="a" href={href('settings', 'sync')} data-testid="assistant-open-sync">
                {t('assistant.openSync')}
              </Button>
            )}
            <Button variant="default" onClick={onRetry} data-testid="assistant-retry">
              {t('assistant.retry')}
            </Button>
          </>
        }
      />
    </Card>
  );
}
