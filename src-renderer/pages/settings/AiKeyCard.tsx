import { Alert, Button, Card, Code, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconKey, IconTerminal2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { PasswordField } from '../../components/PasswordField';
import { useCan } from '../../session/usePermission';
import { StateBadge } from './StateBadge';

const SOURCE_COLOR = { desktop: 'teal', session: 'yellow', env: 'blue', none: 'orange' } as const;

/**
 * Where the key comes from. The desktop app keeps it encrypted by the operating system; the browser
 * mode has no safe place for it, so it reads OPENAI_API_KEY from the environment. The key is never
 * shown back, only whether there is one.
 */
export function AiKeyCard() {
  const { t } = useTranslation();
  const canSet = useCan()('ai.setKey');
  const status = useApiQuery('ai.keyStatus', {});
  const [key, setKey] = useState('');
  const store = useApiMutation('ai.setKey', {
    invalidates: ['ai'],
    onSuccess: (_, input) => {
      setKey('');
      notifySuccess(t(input.key ? 'aiSettings.keySaved' : 'aiSettings.keyRemoved'));
    },
  });
  if (!status.data) return <Skeleton height={140} radius="md" />;
  const { source, canStore, protected: isProtected } = status.data;

  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <IconKey size={18} stroke={1.7} />
          <Text fw={700}>{t('aiSettings.keyTitle')}</Text>
        </Group>
        <StateBadge color={SOURCE_COLOR[source]} label={t(`aiSettings.keySource.${source}`)} data-testid="ai-key-status" data-source={source} />
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('aiSettings.keyHint')}
      </Text>
      {canStore ? (
        canSet && (
          <Stack gap="sm">
            {!isProtected && (
              <Alert
                color="yellow"
                variant="light"
                icon={<IconAlertTriangle size={18} />}
                title={t('aiSettings.unprotectedTitle')}
                data-testid="ai-key-unprotected"
              >
                <Text size="sm">{t('aiSettings.unprotectedText')}</Text>
              </Alert>
            )}
            <Group align="flex-end" gap="sm">
              <PasswordField
                label={t(source === 'desktop' ? 'aiSettings.keyReplace' : 'aiSettings.keyLabel')}
                placeholder="sk-…"
                value={key}
                onChange={(event) => setKey(event.currentTarget.value)}
                autoComplete="off"
                w={420}
                data-testid="ai-key-input"
              />
              <Button
                onClick={() => store.mutate({ key: key.trim() })}
                disabled={key.trim().length < 8}
                loading={store.isPending && store.variables?.key !== null}
                data-testid="ai-key-save"
              >
                {t('aiSettings.keySave')}
              </Button>
              {(source === 'desktop' || source === 'session') && (
                <Button
                  variant="default"
                  color="red"
                  c="red"
                  onClick={() => store.mutate({ key: null })}
                  loading={store.isPending && store.variables?.key === null}
                  data-testid="ai-key-remove"
                >
                  {t('aiSettings.keyRemove')}
                </Button>
              )}
            </Group>
          </Stack>
        )
      ) : (
        <Alert color="blue" variant="light" icon={<IconTerminal2 size={18} />} title={t('aiSettings.browserTitle')} data-testid="ai-key-browser">
          <Text size="sm">{t('aiSettings.browserText')}</Text>
          <Code block mt="xs">
            OPENAI_API_KEY=sk-… npm start
          </Code>
          <Text size="xs" c="dimmed" mt="xs">
            {t('aiSettings.browserBaseUrl')}
          </Text>
        </Alert>
      )}
    </Card>
  );
}
