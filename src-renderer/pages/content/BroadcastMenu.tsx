import { Button, Menu } from '@mantine/core';
import { IconBrandWhatsapp, IconChevronDown, IconDownload, IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { downloadFile } from '../../api/files';
import { notifySuccess } from '../../components/notify';
import { useCan } from '../../session/usePermission';
import type { PreviewTarget } from './PreviewTable';

const whole = new Intl.NumberFormat('id-ID');

/** The list for a WhatsApp or email broadcast tool: only customers reachable that way, messages filled in. */
export function BroadcastMenu({ target }: { target: PreviewTarget }) {
  const { t } = useTranslation();
  const can = useCan();
  const broadcast = useApiMutation('content.broadcast', {
    onSuccess: async ({ fileId, rows }) => {
      await downloadFile(fileId);
      notifySuccess(t('content.send.downloaded', { n: whole.format(rows) }));
    },
  });
  // A broadcast file is the customer base with phone numbers: owners and managers only.
  if (!can('content.broadcast')) return null;
  const item = (kind: 'whatsapp' | 'email', format: 'csv' | 'xlsx') => (
    <Menu.Item
      leftSection={kind === 'whatsapp' ? <IconBrandWhatsapp size={16} /> : <IconMail size={16} />}
      onClick={() => broadcast.mutate({ ...target, kind, format })}
      data-testid={`broadcast-${kind}-${format}`}
    >
      {t(`content.send.broadcast.${kind}`, { format: format.toUpperCase() })}
    </Menu.Item>
  );
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} loading={broadcast.isPending} data-testid="broadcast-menu">
          {t('content.send.broadcast.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('content.send.broadcast.whatsappLabel')}</Menu.Label>
        {item('whatsapp', 'csv')}
        {item('whatsapp', 'xlsx')}
        <Menu.Divider />
        <Menu.Label>{t('content.send.broadcast.emailLabel')}</Menu.Label>
        {item('email', 'csv')}
        {item('email', 'xlsx')}
      </Menu.Dropdown>
    </Menu>
  );
}
