import { Box, Card, Group, Stack, Text, Tooltip, UnstyledButton, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RfmSummary } from '../../../src-shared/schemas/rfm';
import type { SegmentGrid } from '../../../src-shared/rfm/rules';
import { SEGMENT_COLOR } from '../../../src-ui/rfm/segmentStyle';
import { useSegmentText } from '../../components/rfm/useSegmentText';
import { mix, textOn } from '../../../src-ui/contrast';
import { hrefWith } from '../../router';

const whole = new Intl.NumberFormat('id-ID');
const SCORES = [1, 2, 3, 4, 5];

/**
 * The 5×5 R×F grid: R from 5 (top) to 1, F from 1 (left) to 5. The hue is the cell's segment, the
 * depth of the colour its share of customers, so both "which segment" and "how many" read at once.
 */
export function RfmGrid({ cells, grid, runId }: { cells: RfmSummary['grid']; grid: SegmentGrid; runId: string }) {
  const { t } = useTranslation();
  const text = useSegmentText();
  const count = new Map(cells.map((c) => [`${c.r}-${c.f}`, c.customers]));
  const max = Math.max(1, ...cells.map((c) => c.customers));
  const theme = useMantineTheme();
  const body = useComputedColorScheme('light') === 'dark' ? theme.colors.dark[7] : '#ffffff';

  return (
    <Card h="100%">
      <Text fw={700}>{t('rfm.grid.title')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('rfm.grid.hint')}
      </Text>
      <Group gap="xs" align="stretch" wrap="nowrap">
        <Stack justify="center" w={18}>
          <Text size="xs" c="dimmed" fw={600} style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)', whiteSpace: 'nowrap' }}>
            {t('rfm.grid.rAxis')}
          </Text>
        </Stack>
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Box data-testid="rfm-grid" style={{ display: 'grid', gridTemplateColumns: '22px repeat(5, minmax(0, 1fr))', gap: 4 }}>
            {[...SCORES].reverse().map((r) => [
              <Text key={`r${r}`} size="sm" fw={700} c="dimmed" ta="center" style={{ alignSelf: 'center' }}>
                {r}
              </Text>,
              ...SCORES.map((f) => {
                const segment = grid[r - 1][f - 1];
                const n = count.get(`${r}-${f}`) ?? 0;
                // At least a tint, so an empty cell still shows which segment it belongs to.
                const depth = n === 0 ? 8 : Math.round(18 + 72 * (n / max));
                // The cell's own colour decides the text: black or white, whichever reaches 4.5:1 on it.
                const fill = mix(theme.colors[SEGMENT_COLOR[segment]][7], body, depth / 100);
                return (
                  <Tooltip key={`${r}-${f}`} label={t('rfm.grid.cellTip', { r, f, segment: text.segment(segment).name, n: whole.format(n) })} withArrow>
                    <UnstyledButton
                      onClick={() => {
                        window.location.hash = hrefWith({ runId, r, f }, 'rfm', 'segment', segment);
                      }}
                      data-testid={`rfm-cell-${r}-${f}`}
                      data-segment={segment}
                      data-customers={n}
                      style={{
                        minHeight: 64,
                        padding: '6px 8px',
                        borderRadius: 'var(--mantine-radius-sm)',
                        background: fill,
                        border: `1px solid color-mix(in srgb, var(--mantine-color-${SEGMENT_COLOR[segment]}-6) 45%, transparent)`,
                        color: textOn(fill),
                        display: 'flex',
                        flexDirection: 'column',
                        justifyContent: 'space-between',
                      }}
                    >
                      <Text size="xs" fw={600} lh={1.2} style={{ overflowWrap: 'anywhere' }}>
                        {text.segment(segment).name}
                      </Text>
                      <Text size="lg" fw={700} lh={1.2} className="sma-num">
                        {whole.format(n)}
                      </Text>
                    </UnstyledButton>
                  </Tooltip>
                );
              }),
            ])}
            <span />
            {SCORES.map((f) => (
              <Text key={`f${f}`} size="sm" fw={700} c="dimmed" ta="center">
                {f}
              </Text>
            ))}
          </Box>
          <Text size="xs" c="dimmed" fw={600} ta="center" mt={4}>
            {t('rfm.grid.fAxis')}
          </Text>
        </Box>
      </Group>
    </Card>
  );
}
