import { Alert, Button, Divider, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconArrowLeft, IconCloudDownload } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ownerFields } from '../../../src-shared/schemas/auth';
import { syncEnrolInput } from '../../../src-shared/schemas/sync';
import { call, onEvent } from '../../api/client';
import { AuthLayout } from '../../../src-ui/components/AuthLayout';
import { notifySuccess } from '../../components/notify';
import { PasswordField } from '../../components/PasswordField';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import { requiredMark } from '../../forms/requiredMark';
import i18n, { currentLanguage } from '../../i18n';
import { useSession } from '../../session/context';
import { RestoreProgress, type RestoreCounts } from './RestoreProgress';

interface Values {
  server: string;
  code: string;
  owner: { name: string; username: string; password: string };
  confirm: string;
}

const schemaErrors = zodValidator<Values>(z.object({ server: syncEnrolInput.shape.server, code: syncEnrolInput.shape.code, owner: ownerFields }), (v) => ({
  server: v.server,
  code: v.code,
  owner: v.owner,
}));

function validate(values: Values) {
  const errors = schemaErrors(values);
  if (values.confirm !== values.owner.password) errors.confirm = i18n.t('setup.passwordMismatch');
  return errors;
}

/**
 * "Pulihkan dari cloud": the owner of this laptop (users never travel), then the shop's rows from
 * the cloud with their progress. Once the owner is made, a failed or cancelled restore leaves an
 * empty shop and this screen asks only for the code again; the dashboard opens when it succeeds.
 */
export function RestoreSetup({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [ownerMade, setOwnerMade] = useState(false);
  const ownerMadeRef = useRef(false);
  const [running, setRunning] = useState(false);
  const [counts, setCounts] = useState<RestoreCounts>({});
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { server: '', code: '', owner: { name: '', username: '', password: '' }, confirm: '' },
    // Once the owner exists only the server and the code are asked again.
    validate: (values) => {
      const errors = validate(values);
      return ownerMadeRef.current ? { ...(errors.server ? { server: errors.server } : {}), ...(errors.code ? { code: errors.code } : {}) } : errors;
    },
    validateInputOnBlur: true,
  });

  useEffect(() => onEvent('sync.restoreProgress', (p) => setCounts((c) => ({ ...c, [p.entity]: p.rows }))), []);

  async function start(values: Values) {
    setFailure(null);
    setCounts({});
    setRunning(true);
    try {
      if (!ownerMadeRef.current) {
        // The shop's real name comes from the cloud with the restore.
        await call('setup.create', { owner: values.owner, business: { name: t('setup.restoreShopName') }, language: currentLanguage() });
        ownerMadeRef.current = true;
        setOwnerMade(true);
      }
      const restored = await call('sync.restore', { server: values.server.trim(), code: values.code.trim() });
      const numbers = new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-US' : 'id-ID');
      notifySuccess(t('setup.restoreDone', { customers: numbers.format(restored.customers), transactions: numbers.format(restored.transactions) }));
      await refresh();
    } catch (error) {
      applyServerIssues(form, error);
      setFailure(error instanceof Error ? error.message : String(error));
      setRunning(false);
    }
  }

  return (
    <AuthLayout title={t('setup.restoreTitle')} subtitle={t('setup.restoreText')} width={760}>
      {running ? (
        <RestoreProgress counts={counts} />
      ) : (
        <form onSubmit={form.onSubmit((values) => void start(values))} noValidate>
          <Stack gap="lg">
            {failure && (
              <Alert color="red" variant="light" icon={<IconAlertCircle />} data-testid="restore-failure">
                {failure}
                {ownerMade && (
                  <Text size="sm" mt="xs">
                    {t('setup.restoreOwnerKept')}
                  </Text>
                )}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
              <TextInput
                label={t('sync.server')}
                placeholder={t('sync.serverPlaceholder')}
                {...requiredMark}
                autoFocus
                data-testid="restore-server"
                {...form.getInputProps('server')}
              />
              <TextInput
                label={t('setup.restoreCode')}
                placeholder={t('sync.codePlaceholder')}
                description={t('setup.restoreCodeHint')}
                {...requiredMark}
                data-testid="restore-code"
                {...form.getInputProps('code')}
              />
            </SimpleGrid>
            {!ownerMade && (
              <>
                <Divider label={t('setup.restoreOwner')} labelPosition="left" />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
                  <TextInput label={t('setup.ownerName')} {...requiredMark} data-testid="restore-owner-name" {...form.getInputProps('owner.name')} />
                  <TextInput
                    label={t('auth.username')}
                    {...requiredMark}
                    autoComplete="username"
                    placeholder="pemilik"
                    data-testid="restore-owner-username"
                    {...form.getInputProps('owner.username')}
                  />
                  <PasswordField
                    label={t('auth.password')}
                    {...requiredMark}
                    autoComplete="new-password"
                    description={t('setup.passwordHint')}
                    data-testid="restore-owner-password"
                    {...form.getInputProps('owner.password')}
                  />
                  <PasswordField
                    label={t('setup.confirmPassword')}
                    {...requiredMark}
                    autoComplete="new-password"
                    data-testid="restore-owner-confirm"
                    {...form.getInputProps('confirm')}
                  />
                </SimpleGrid>
              </>
            )}
            <Group justify="space-between">
              {ownerMade ? (
                // The owner exists now: the way on is this shop, empty, if the owner gives up for now.
                <Button variant="subtle" onClick={() => void refresh()} data-testid="restore-skip">
                  {t('setup.restoreSkip')}
                </Button>
              ) : (
                <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
                  {t('common.back')}
                </Button>
              )}
              <Button type="submit" size="md" leftSection={<IconCloudDownload size={18} />} data-testid="restore-submit">
                {failure ? t('errors.retry') : t('setup.restoreStart')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
