import { Card, Code, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_PATHS, auditResponse } from '../../../src-shared/cloud/admin-api';
import { EmptyList } from '../../../src-renderer/components/EmptyList';
import { PagedList, usePagedList } from '../components/PagedList';
import { PageHeader } from '../../../src-renderer/components/PageHeader';
import { when } from '../format';
import { linkClick } from '../router';
import { useBusinesses } from './BusinessesPage';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

/** Every admin action and sign-in, newest first, a page at a time. */
export function AuditPage() {
  const { t } = useTranslation();
  const log = usePagedList(['audit'], ADMIN_PATHS.audit, auditResponse);
  // Entries carry the shop's id; its name comes from the list the console already holds.
  const businesses = useBusinesses();
  const names = useMemo(() => new Map((businesses.data?.businesses ?? []).map((b) => [b.id, b.name])), [businesses.data]);

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card>
        <PagedList
          list={log}
          skeletonHeight={240}
          empty={<EmptyList icon={IconHistory} title={t('audit.title')} description={t('audit.empty')} />}
          moreLabel={t('audit.more')}
        >
          <ScrollTable
            minWidth={900}
            verticalSpacing={6}
            data-testid="audit-table"
            columns={[t('audit.at'), t('audit.admin'), t('audit.action'), t('audit.business'), t('audit.details'), t('audit.ip')]}
          >
            {log.items.map((entry) => (
              <Table.Tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                <Table.Td className="sma-num">{when(entry.at, '')}</Table.Td>
                <Table.Td>{entry.adminUsername ?? t('common.none')}</Table.Td>
                <Table.Td>
                  <Code>{entry.action}</Code>
                </Table.Td>
                <Table.Td>
                  {entry.businessId ? (
                    <a href={`/businesses/${entry.businessId}`} onClick={linkClick(`/businesses/${entry.businessId}`)}>
                      {names.get(entry.businessId) ?? entry.businessId.slice(0, 8)}
                    </a>
                  ) : (
                    t('common.none')
                  )}
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="xs" ff="monospace" lineClamp={2} title={JSON.stringify(entry.details)}>
                    {Object.keys(entry.details).length ? JSON.stringify(entry.details) : t('common.none')}
                  </Text>
                </Table.Td>
                <Table.Td>{entry.ip ?? t('common.none')}</Table.Td>
              </Table.Tr>
            ))}
          </ScrollTable>
        </PagedList>
      </Card>
    </>
  );
}
