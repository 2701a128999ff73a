import { Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../src-shared/format/date';
import type { ContentRow } from '../../../src-shared/schemas/content';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { isTone } from './contentOptions';
import { ChannelBadge } from './ChannelBadge';
import { VariantCard } from './VariantCard';

interface Props {
  row: ContentRow | null;
  onClose: () => void;
  onChanged: (row: ContentRow) => void;
  onDeleted: (id: string) => void;
}

/** A variant from the library, opened to read in full, edit, approve, or take to sending. */
export function VariantModal({ row, onClose, onChanged, onDeleted }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={row !== null} onClose={onClose} size="lg" title={t('content.library.openTitle')}>
      {row && (
        <>
          <Group gap="xs" mb="sm">
            <SegmentBadge segment={row.segment} />
            <ChannelBadge channel={row.channel} />
            <Text size="xs" c="dimmed">
              {t('content.library.madeBy', {
                at: formatDateTime(row.createdAt),
                user: row.userName ?? '—',
                tone: isTone(row.tone) ? t(`content.tone.${row.tone}`) : row.tone,
              })}
            </Text>
          </Group>
          <VariantCard key={row.id} row={row} onChanged={onChanged} onDeleted={onDeleted} />
        </>
      )}
    </Modal>
  );
}
