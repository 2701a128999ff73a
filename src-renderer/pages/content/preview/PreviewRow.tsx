import { Anchor, Button, Checkbox, Spoiler, Table, Text } from '@mantine/core';
import { IconBrandWhatsapp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../src-shared/contract';
import { formatDateTime } from '../../../../src-shared/format/date';
import { formatPhone } from '../../../../src-shared/format/phone';
import { href } from '../../../router';

type Row = ChannelOutput<'content.personalise'>['rows'][number];

/** One recipient: who, their message as they will read it, when last contacted, and how to send it. */
export function PreviewRow({ row, checked, onCheck }: { row: Row; checked: boolean; onCheck: (on: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="send-row" data-id={row.customerId} bg={checked ? 'var(--mantine-primary-color-light)' : undefined}>
      <Table.Td>
        <Checkbox checked={checked} onChange={(event) => onCheck(event.currentTarget.checked)} aria-label={row.name} data-testid="send-row-check" />
      </Table.Td>
      <Table.Td miw={190}>
        <Anchor href={href('customers', row.customerId)} size="sm" fw={600} data-testid="send-row-name">
          {row.name}
        </Anchor>
        <Text size="xs" c="dimmed" className="sma-num">
          {row.phone ? formatPhone(row.phone) : row.email || t('content.send.noContact')}
        </Text>
      </Table.Td>
      <Table.Td maw={560}>
        <Spoiler maxHeight={72} showLabel={t('content.send.more')} hideLabel={t('content.send.less')}>
          {row.subject && (
            <Text size="sm" fw={600}>
              {row.subject}
            </Text>
          )}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="send-row-message">
            {row.message}
          </Text>
        </Spoiler>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={row.lastContactedAt ? undefined : 'dimmed'} className="sma-num" data-testid="send-row-contacted">
          {row.lastContactedAt ? formatDateTime(row.lastContactedAt) : t('common.never')}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <SendAction row={row} onSent={() => onCheck(true)} />
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * "Kirim WA" opens WhatsApp with the message typed in (the desktop lets only https://wa.me links
 * out) and ticks the row; a message with an empty placeholder cannot go; no phone, no button.
 */
function SendAction({ row, onSent }: { row: Row; onSent: () => void }) {
  const { t } = useTranslation();
  if (row.waLink) {
    return (
      <Button
        component="a"
        href={row.waLink}
        target="_blank"
        rel="noopener noreferrer"
        size="xs"
        color="teal"
        variant="light"
        leftSection={<IconBrandWhatsapp size={14} />}
        onClick={onSent}
        data-testid="send-row-wa"
      >
        {t('content.send.sendWa')}
      </Button>
    );
  }
  if (row.phone && row.missing.length) {
    return (
      <Button
        size="xs"
        color="teal"
        variant="light"
        leftSection={<IconBrandWhatsapp size={14} />}
        disabled
        title={t('content.send.codeMissing')}
        data-testid="send-row-blocked"
        data-missing={row.missing.join(',')}
      >
        {t('content.send.blocked')}
      </Button>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      {t('content.send.noPhone')}
    </Text>
  );
}
