import { Accordion, List, Stack, Text } from '@mantine/core';
import { IconMathFunction } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RfmRunRow } from '../../../src-shared/schemas/rfm';
import { ScoreRanges } from './ScoreRanges';

const whole = new Intl.NumberFormat('id-ID');

/**
 * "Cara skor dihitung", first part: how each score from 1 to 5 was given — fixed edges or
 * quintiles of this run's customers — with the ranges the run used. Apart from the card
 * (HowScored.tsx) because it is the one part that differs by method.
 */
export function HowScoredScores({ run }: { run: RfmRunRow }) {
  const { t } = useTranslation();
  const p = run.parameters;
  return (
    <Accordion.Item value="scores">
      <Accordion.Control icon={<IconMathFunction size={18} />} data-testid="rfm-how-scores">
        {t('rfm.how.scoresTitle', { method: t(`rfm.method.${run.method}`) })}
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          <List size="sm" spacing={4}>
            <List.Item>{t('rfm.how.measures')}</List.Item>
            {run.method === 'fixed' ? (
              <>
                <List.Item>{t('rfm.how.fixedRule')}</List.Item>
                <List.Item>{t('rfm.how.fixedRecency')}</List.Item>
              </>
            ) : (
              <>
                <List.Item>{t('rfm.how.quintileRule', { n: whole.format(run.customers) })}</List.Item>
                <List.Item>{t('rfm.how.quintileTies')}</List.Item>
              </>
            )}
          </List>
          {run.method === 'fixed' ? (
            <ScoreRanges edges={p.edges} />
          ) : p.quintileEdges ? (
            <>
              <Text size="sm">{t('rfm.how.quintileEdges')}</Text>
              <ScoreRanges edges={p.quintileEdges} />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('rfm.how.quintileNoEdges')}
            </Text>
          )}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
