import { Button, Menu } from '@mantine/core';
import { IconBrandWhatsapp, IconChevronDown, IconDownload, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../session/usePermission';
import { BroadcastDialog, type BroadcastChoice } from './BroadcastDialog';
import type { PreviewTarget } from './PreviewTable';

/** The list for a WhatsApp or email broadcast tool: only customers reachable that way, messages filled in. */
export function BroadcastMenu({ target }: { target: PreviewTarget }) {
  const { t } = useTranslation();
  const can = useCan();
  const [choice, setChoice] = useState<BroadcastChoice | null>(null);
  // A broadcast file is the customer base with phone numbers: owners and managers only.
  if (!can('content.broadcast')) return null;
  const item = (kind: BroadcastChoice['kind'], format: BroadcastChoice['format']) => (
    <Menu.Item
      leftSection={kind === 'whatsapp' ? <IconBrandWhatsapp size={16} /> : <IconMail size={16} />}
      onClick={() => setChoice({ kind, format })}
      data-testid={`broadcast-${kind}-${format}`}
    >
      {t(`content.send.broadcast.${kind}`, { format: format.toUpperCase() })}
    </Menu.Item>
  );
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} data-testid="broadcast-menu">
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
      {choice && <BroadcastDialog target={target} choice={choice} onClose={() => setChoice(null)} />}
    </>
  );
}
