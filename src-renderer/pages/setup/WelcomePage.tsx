import { SimpleGrid, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconBuildingStore, IconCloudDownload, IconSparkles } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../../src-ui/components/AuthLayout';
import { DemoSetup } from './DemoSetup';
import { RestoreSetup } from './RestoreSetup';
import { SetupForm } from './SetupForm';
import classes from './WelcomePage.module.css';

type Mode = 'choose' | 'create' | 'demo' | 'restore';

/** First run: create the owner's own shop, open the demo shop to look around, or restore a shop from the cloud. */
export function WelcomePage() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('choose');

  if (mode === 'create') return <SetupForm onBack={() => setMode('choose')} />;
  if (mode === 'restore') return <RestoreSetup onBack={() => setMode('choose')} />;

  return (
    <AuthLayout title={t('setup.welcomeTitle')} subtitle={t('setup.welcomeSubtitle')} width={720}>
      {mode === 'demo' ? (
        <DemoSetup onCancel={() => setMode('choose')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Choice
            testId="setup-create"
            icon={<IconBuildingStore size={26} />}
            color="navy"
            title={t('setup.createTitle')}
            text={t('setup.createText')}
            onClick={() => setMode('create')}
          />
          <Choice
            testId="setup-demo"
            icon={<IconSparkles size={26} />}
            color="sun"
            title={t('setup.demoTitle')}
            text={t('setup.demoText')}
            onClick={() => setMode('demo')}
          />
          <Choice
            testId="setup-restore"
            icon={<IconCloudDownload size={26} />}
            color="teal"
            title={t('setup.restoreTitle')}
            text={t('setup.restoreChoice')}
            onClick={() => setMode('restore')}
          />
        </SimpleGrid>
      )}
    </AuthLayout>
  );
}

interface ChoiceProps {
  testId: string;
  icon: ReactNode;
  color: string;
  title: string;
  text: string;
  onClick: () => void;
}

function Choice({ testId, icon, color, title, text, onClick }: ChoiceProps) {
  return (
    <UnstyledButton className={classes.choice} onClick={onClick} data-testid={testId}>
      <Stack gap="sm">
        <ThemeIcon size={48} radius="md" color={color} variant={color === 'sun' ? 'filled' : 'light'} c={color === 'sun' ? 'navy.9' : undefined}>
          {icon}
        </ThemeIcon>
        <Text fw={700} size="lg">
          {title}
        </Text>
        <Text size="sm" c="dimmed">
          {text}
        </Text>
      </Stack>
    </UnstyledButton>
  );
}
