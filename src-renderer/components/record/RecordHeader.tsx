import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconRestore, IconTrash, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyList } from '../EmptyList';
import { href, navigate } from '../../router';

/** The link above a record's page back to its list. */
function BackToList({ list, label }: { list: string; label: string }) {
  return (
    <Anchor href={href(list)} size="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {label}
      </Group>
    </Anchor>
  );
}

/** A record that could not be opened (deleted for good, or a stale link): why, and the way back. */
export function RecordNotFound({ list, backLabel, icon, title, message }: { list: string; backLabel: string; icon: Icon; title: string; message: string }) {
  return (
    <Stack>
      <BackToList list={list} label={backLabel} />
      <Card>
        <EmptyList icon={icon} title={title} description={message} actions={<Button onClick={() => navigate(list)}>{backLabel}</Button>} />
      </Card>
    </Stack>
  );
}

interface Named {
  name: string;
  code: string;
}

interface Props<Row extends Named> {
  /** The list's route, e.g. `customers`; also the prefix of test ids (`customer-edit`). */
  list: string;
  testPrefix: string;
  backLabel: string;
  /** Undefined while loading. */
  record: Row | undefined;
  deleted: boolean;
  actions: { canDelete: boolean; canRestore: boolean; openEdit: (row: Row) => void; askDelete: (row: Row) => void; restore: (row: Row) => void };
  /** Badges after the code (a lead's stage). */
  badges?: ReactNode;
  /** Under the title (a customer's tags). */
  below?: ReactNode;
  /** After edit / delete / restore: the record's own next step. */
  more?: (row: Row) => ReactNode;
}

/** The top of a customer's or a lead's page: back link, name and code, and what may be done to it. */
export function RecordHeader<Row extends Named>({ list, testPrefix, backLabel, record, deleted, actions, badges, below, more }: Props<Row>) {
  const { t } = useTranslation();
  const title = record ? (
    <Group gap="sm" style={{ minWidth: 0 }}>
      <Title order={1} size="h2" data-testid={`${testPrefix}-name`} style={{ overflowWrap: 'anywhere' }}>
        {record.name}
      </Title>
      <Badge variant="outline" color="gray" size="lg" ff="monospace" tt="none">
        {record.code}
      </Badge>
      {badges}
      {deleted && (
        <Badge color="red" size="lg" data-testid={`${testPrefix}-deleted-badge`}>
          {t('customers.deletedBadge')}
        </Badge>
      )}
    </Group>
  ) : (
    <Skeleton height={32} width={280} />
  );
  return (
    <Stack gap={6}>
      <BackToList list={list} label={backLabel} />
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        {below ? (
          <Stack gap={6}>
            {title}
            {below}
          </Stack>
        ) : (
          title
        )}
        {record && (
          <Group gap="sm">
            {!deleted && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => actions.openEdit(record)} data-testid={`${testPrefix}-edit`}>
                {t('common.edit')}
              </Button>
            )}
            {!deleted && actions.canDelete && (
              <Button
                variant="default"
                color="red"
                c="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => actions.askDelete(record)}
                data-testid={`${testPrefix}-delete`}
              >
                {t('common.delete')}
              </Button>
            )}
            {deleted && actions.canRestore && (
              <Button
                variant="light"
                color="teal"
                leftSection={<IconRestore size={16} />}
                onClick={() => actions.restore(record)}
                data-testid={`${testPrefix}-restore`}
              >
                {t('common.restore')}
              </Button>
            )}
            {more?.(record)}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
