import { Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNEL_ICON, CONTENT_CHANNELS, type ContentChannel } from './contentOptions';
import { SegmentsField } from './SegmentsField';

/** The five channels side by side with their icons (on two rows when narrow): each changes what gets written (length, subject). */
export function ChannelPicker({ label, value, onChange }: { label: string; value: ContentChannel; onChange: (channel: ContentChannel) => void }) {
  const { t } = useTranslation();
  return (
    <SegmentsField
      label={label}
      value={value}
      onChange={(next) => onChange(next as ContentChannel)}
      data={CONTENT_CHANNELS.map((channel) => {
        const ChannelIcon = CHANNEL_ICON[channel];
        return {
          value: channel,
          label: (
            <Center style={{ gap: 6 }} data-testid={`content-channel-${channel}`}>
              <ChannelIcon size={16} stroke={1.7} />
              <span>{t(`content.channel.${channel}`)}</span>
            </Center>
          ),
        };
      })}
      data-testid="content-channel"
    />
  );
}
