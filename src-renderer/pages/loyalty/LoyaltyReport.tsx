import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../src-shared/format/money';
import { useApiQuery } from '../../api/hooks';
import { SettingsSection } from '../settings/SettingsSection';
import { FigureCell } from '../../../src-ui/components/FigureCell';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

const num = (n: number, language: string) => n.toLocaleString(language === 'en' ? 'en-US' : 'id-ID');

/** Per month: points issued, redeemed, expired, reversed, corrected; what is still owed and its worth. */
export function LoyaltyReport() {
  const { t, i18n } = useTranslation();
  const report = useApiQuery('loyalty.report', { months: 12 });
  const months = report.data?.months ?? [];
  return (
    <SettingsSection title={t('loyalty.reportTitle')} hint={t('loyalty.reportHint')}>
      {months.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('loyalty.reportEmpty')}
        </Text>
      ) : (
        <ScrollTable
          minWidth={640}
          striped
          data-testid="loyalty-report"
          head={
            <>
              {(['month', 'issued', 'redeemed', 'expired', 'reversed', 'adjusted', 'outstanding', 'liability'] as const).map((key) => (
                <Table.Th key={key} ta={key === 'month' ? 'left' : 'right'}>
                  {t(`loyalty.rep.${key}`)}
                </Table.Th>
              ))}
            </>
          }
        >
          {months.map((m) => (
            <Table.Tr key={m.month}>
              <Table.Td className="sma-num">{m.month}</Table.Td>
              {[m.issued, m.redeemed, m.expired, m.reversed, m.adjusted, m.outstanding].map((n, i) => (
                <Table.Td key={i} ta="right" className="sma-num">
                  {num(n, i18n.language)}
                </Table.Td>
              ))}
              <FigureCell>{formatRupiah(m.liability)}</FigureCell>
            </Table.Tr>
          ))}
        </ScrollTable>
      )}
    </SettingsSection>
  );
}
