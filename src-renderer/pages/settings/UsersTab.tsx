import { ActionIcon, Avatar, Badge, Button, Card, Group, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../src-shared/format/date';
import type { UserRow } from '../../../src-shared/schemas/auth';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../session/context';
import { initials } from '../../shell/initials';
import { UserFormModal } from './UserFormModal';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

const ROLE_COLORS = { owner: 'sun', manager: 'navy', staff: 'gray' } as const;

export function UsersTab() {
  const { t } = useTranslation();
  const { status } = useSession();
  const users = useApiQuery('users.list', {});
  const [editing, setEditing] = useState<{ user: UserRow | null } | null>(null);
  const timeZone = status.business?.timezone;

  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button color="sun.5" c="navy.9" leftSection={<IconPlus size={18} />} onClick={() => setEditing({ user: null })} data-testid="user-add">
          {t('users.add')}
        </Button>
      </Group>
      <Card p={0}>
        <ScrollTable
          minWidth={640}
          verticalSpacing="sm"
          horizontalSpacing="md"
          data-testid="users-table"
          head={
            <>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.active')}</Table.Th>
              <Table.Th>{t('users.lastLogin')}</Table.Th>
              <Table.Th />
            </>
          }
        >
          {!users.data &&
            [1, 2].map((line) => (
              <Table.Tr key={line}>
                <Table.Td colSpan={5}>
                  <Skeleton height={20} />
                </Table.Td>
              </Table.Tr>
            ))}
          {users.data?.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row">
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Avatar radius="xl" size={34} color={ROLE_COLORS[user.role]}>
                    {initials(user.name)}
                  </Avatar>
                  <Stack gap={0}>
                    <Text size="sm" fw={600}>
                      {user.name}{' '}
                      {user.id === status.user?.id && (
                        <Badge size="xs" variant="light">
                          {t('users.you')}
                        </Badge>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {user.username}
                    </Text>
                  </Stack>
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={ROLE_COLORS[user.role]} c={user.role === 'owner' ? 'sun.9' : undefined}>
                  {t(`roles.${user.role}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Badge variant="dot" color={user.active ? 'teal' : 'gray'}>
                  {user.active ? t('common.active') : t('common.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="sma-num">
                  {user.last_login_at ? formatDateTime(user.last_login_at, timeZone) : t('common.never')}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Tooltip label={t('common.edit')}>
                  <ActionIcon variant="subtle" aria-label={t('common.edit')} onClick={() => setEditing({ user })} data-testid="user-edit">
                    <IconPencil size={17} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      </Card>
      <UserFormModal opened={editing !== null} user={editing?.user ?? null} onClose={() => setEditing(null)} />
    </Stack>
  );
}
