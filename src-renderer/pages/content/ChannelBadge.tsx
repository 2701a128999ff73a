import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNEL_COLOR, CHANNEL_ICON, type ContentChannel } from './contentOptions';

export function ChannelBadge({ channel, ...rest }: Omit<BadgeProps, 'color' | 'children'> & { channel: ContentChannel }) {
  const { t } = useTranslation();
  const ChannelIcon = CHANNEL_ICON[channel];
  return (
    <Badge color={CHANNEL_COLOR[channel]} variant="light" tt="none" leftSection={<ChannelIcon size={12} />} style={{ minWidth: 'max-content' }} {...rest}>
      {t(`content.channel.${channel}`)}
    </Badge>
  );
}
