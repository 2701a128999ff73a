import { BarChart } from '@mantine/charts';
import { Alert, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { CHURN_BANDS } from '../../../src-shared/rfm/rules';
import { CLV_MIN_CUSTOMERS, CLV_MIN_REPEAT_BUYERS, type ClvFit } from '../../../src-shared/schemas/clv';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ChurnBadge } from '../../components/rfm/SegmentBadge';
import { useCan } from '../../session/usePermission';
import { CARD_CHART } from '../../components/cardChart';

const whole = new Intl.NumberFormat('id-ID');
const one = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const digits = new Intl.NumberFormat('id-ID', { maximumSignificantDigits: 4 });

/** The refusal in words, with the figures that caused it (thresholds as the model applies them). */
function useReason() {
  const { t } = useTranslation();
  return (fit: Pick<ClvFit, 'status' | 'customers' | 'repeatBuyers'>) =>
    fit.status === 'fitted'
      ? ''
      : t(`clv.refusal.${fit.status}`, {
          customers: whole.format(fit.customers),
          repeat: whole.format(fit.repeatBuyers),
          min: fit.status === 'too_few_customers' ? CLV_MIN_CUSTOMERS : CLV_MIN_REPEAT_BUYERS,
        });
}

/**
 * "How good is this model on my data": the latest fit, or why there is none (the churn bands then
 * stay the rule of thumb), the holdout check as predicted against actual repeat purchases per
 * calibration frequency, and the churn bands with what to do in each.
 */
export function ClvModelCard() {
  const { t } = useTranslation();
  const canFit = useCan()('clv.fit');
  const latest = useApiQuery('clv.latest', {});
  const fitNow = useApiMutation('clv.fit', { invalidates: ['clv', 'rfm', 'dashboard'] });
  const reason = useReason();
  const fit = latest.data ?? null;
  const fitted = fit?.status === 'fitted' && fit.bgnbd && fit.gammaGamma ? fit : null;
  const holdout = fit?.holdout ?? null;
  const points = (holdout?.status === 'fitted' ? holdout.byFrequency : []).map((g) => ({
    group: t(g.orMore ? 'clv.chartGroupMore' : 'clv.chartGroup', { x: g.x }),
    predicted: Math.round(g.predicted * 100) / 100,
    actual: Math.round(g.actual * 100) / 100,
  }));
  const diff =
    holdout && holdout.actual > 0
      ? `${holdout.predicted >= holdout.actual ? '+' : '−'}${one.format((Math.abs(holdout.predicted - holdout.actual) / holdout.actual) * 100)}%`
      : '';

  return (
    <Card data-testid="clv-model">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Text fw={700} size="lg">
            {t('clv.title')}
          </Text>
          <Text size="sm" c="dimmed" maw={760}>
            {t('clv.hint')}
          </Text>
        </div>
        {canFit && (
          <Button variant="light" size="xs" loading={fitNow.isPending} onClick={() => fitNow.mutate({})} data-testid="clv-fit-now">
            {t('clv.fitNow')}
          </Button>
        )}
      </Group>
      {latest.isSuccess && !fit && (
        <Text size="sm" c="dimmed" data-testid="clv-none">
          {t('clv.none')}
        </Text>
      )}
      {fit && !fitted && (
        <Alert color="yellow" icon={<IconInfoCircle size={18} />} title={t('clv.refusedTitle', { reason: reason(fit) })} data-testid="clv-refused">
          {t('clv.refusedText')}
        </Alert>
      )}
      {fitted && (
        <Stack gap="sm">
          <Text size="sm" data-testid="clv-fitted">
            {t('clv.fitted', {
              date: formatDate(fitted.asOf),
              customers: whole.format(fitted.customers),
              repeat: whole.format(fitted.repeatBuyers),
              ms: whole.format(fitted.durationMs),
            })}
          </Text>
          {!holdout && (
            <Text size="sm" c="dimmed" data-testid="clv-holdout-none">
              {t('clv.holdoutNone')}
            </Text>
          )}
          {holdout && holdout.status !== 'fitted' && (
            <Text size="sm" c="dimmed" data-testid="clv-holdout-refused">
              {t('clv.holdoutRefused', { reason: reason({ status: holdout.status, customers: holdout.customers, repeatBuyers: 0 }) })}
            </Text>
          )}
          {holdout && holdout.status === 'fitted' && (
            <>
              <Text size="sm" fw={600} data-testid="clv-holdout-total">
                {t('clv.holdoutTotal', {
                  from: formatDate(holdout.calibrationEnd),
                  to: formatDate(holdout.end),
                  predicted: whole.format(Math.round(holdout.predicted)),
                  actual: whole.format(holdout.actual),
                  diff,
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('clv.chartHint')}
              </Text>
              <BarChart
                {...CARD_CHART}
                data={points}
                dataKey="group"
                series={[
                  { name: 'predicted', label: t('clv.chartPredicted'), color: 'navy.6' },
                  { name: 'actual', label: t('clv.chartActual'), color: 'teal.6' },
                ]}
                valueFormatter={(v) => one.format(v)}
                gridAxis="y"
                data-testid="clv-holdout-chart"
              />
            </>
          )}
          <Text size="xs" c="dimmed" className="sma-num" data-testid="clv-params">
            {t('clv.params', {
              r: digits.format(fitted.bgnbd!.r),
              alpha: digits.format(fitted.bgnbd!.alpha),
              a: digits.format(fitted.bgnbd!.a),
              b: digits.format(fitted.bgnbd!.b),
              ll: one.format(fitted.bgnbd!.logLikelihood),
              p: digits.format(fitted.gammaGamma!.p),
              q: digits.format(fitted.gammaGamma!.q),
              gamma: whole.format(Math.round(fitted.gammaGamma!.gamma)),
            })}
          </Text>
        </Stack>
      )}
      <Text fw={600} mt="md">
        {t('clv.bandsTitle')}
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        {fitted ? t('clv.bandsModel') : t('clv.bandsRule')}
      </Text>
      <Table verticalSpacing={4} data-testid="clv-bands">
        <Table.Tbody>
          {CHURN_BANDS.map((band) => (
            <Table.Tr key={band} data-testid={`clv-band-${band}`}>
              <Table.Td w={150}>
                <ChurnBadge band={band} />
              </Table.Td>
              <Table.Td w={150}>
                <Text size="sm" className="sma-num">
                  {fitted ? t(`clv.band.${band}.range`) : t(`clv.ruleRange.${band}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`clv.band.${band}.action`)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
