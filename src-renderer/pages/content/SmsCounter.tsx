import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SMS_LIMIT } from './contentOptions';

/** Characters as typed, placeholders included; a filled-in name can make the sent SMS longer. */
export function SmsCounter({ text }: { text: string }) {
  const { t } = useTranslation();
  const over = text.length > SMS_LIMIT;
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <Text size="xs" c={over ? 'red' : 'dimmed'} style={{ flex: 1 }}>
        {over ? t('content.variant.smsOver', { limit: SMS_LIMIT }) : t('content.variant.smsHint')}
      </Text>
      <Text size="xs" fw={600} c={over ? 'red' : 'dimmed'} className="sma-num" data-testid="variant-sms-count" data-over={over}>
        {text.length}/{SMS_LIMIT}
      </Text>
    </Group>
  );
}
