import { Box, Group, Pagination, Select, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES, type ServerTableState } from './useServerTable';

const numbers = new Intl.NumberFormat('id-ID');

interface Props {
  total: number;
  state: ServerTableState;
  footer?: ReactNode;
  columnsMenu?: ReactNode;
}

/** The strip under a paged table: which rows are shown, the column menu, rows per page and the pages. */
export function TablePager({ total, state, footer, columnsMenu }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / state.pageSize));
  const from = total === 0 ? 0 : (state.page - 1) * state.pageSize + 1;
  const to = Math.min(total, state.page * state.pageSize);
  return (
    <Box px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="lg">
          <Text size="sm" c="dimmed" className="sma-num">
            {t('common.showing', { from: numbers.format(from), to: numbers.format(to), total: numbers.format(total) })}
          </Text>
          {footer}
        </Group>
        <Group gap="md">
          {columnsMenu}
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('common.rowsPerPage')}
            </Text>
            <Select
              size="xs"
              w={76}
              data={PAGE_SIZES.map(String)}
              value={String(state.pageSize)}
              onChange={(value) => value && state.setPageSize(Number(value))}
              allowDeselect={false}
              aria-label={t('common.rowsPerPage')}
              data-testid="page-size"
            />
          </Group>
          {/* The arrows are icons only: name them, and each number as the page it opens. */}
          <Pagination
            total={pages}
            value={Math.min(state.page, pages)}
            onChange={state.setPage}
            size="sm"
            siblings={1}
            getControlProps={(control) => ({ 'aria-label': t(`common.page.${control}`) })}
            getItemProps={(page) => ({ 'aria-label': t('common.page.number', { page }) })}
            aria-label={t('common.page.label')}
            data-testid="pagination"
          />
        </Group>
      </Group>
    </Box>
  );
}
