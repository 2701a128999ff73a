import { Alert, Box, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SEGMENT_GRID, SEGMENT_IDS, type SegmentGrid, type SegmentId } from '../../../src-shared/rfm/rules';
import { SEGMENT_COLOR } from '../../../src-ui/rfm/segmentStyle';
import { useSegmentText } from '../../components/rfm/useSegmentText';

const SCORES = [1, 2, 3, 4, 5];

interface Props {
  grid: SegmentGrid;
  onChange: (grid: SegmentGrid) => void;
  readOnly: boolean;
}

/**
 * The segment map as the owner thinks of it: one choice per R×F cell. A grid cannot leave a cell
 * empty or give it twice, which the stored segment → cells form could; it converts on save.
 */
export function SegmentMapEditor({ grid, onChange, readOnly }: Props) {
  const { t } = useTranslation();
  const text = useSegmentText();
  const options = SEGMENT_IDS.map((id) => ({ value: id, label: text.segment(id).name }));
  const used = new Set(grid.flat());
  const unreachable = SEGMENT_IDS.filter((id) => !used.has(id));
  const setCell = (r: number, f: number, segment: SegmentId) =>
    onChange(grid.map((row, ri) => (ri === r - 1 ? row.map((cell, fi) => (fi === f - 1 ? segment : cell)) : row)));

  return (
    <Stack gap="sm">
      <Box style={{ overflowX: 'auto' }}>
        <Box data-testid="segment-map-editor" style={{ display: 'grid', gridTemplateColumns: '28px repeat(5, minmax(136px, 1fr))', gap: 6, minWidth: 740 }}>
          {[...SCORES].reverse().map((r) => [
            <Text key={`r${r}`} size="sm" fw={700} c="dimmed" ta="center" style={{ alignSelf: 'center' }}>
              R{r}
            </Text>,
            ...SCORES.map((f) => {
              const segment = grid[r - 1][f - 1];
              return (
                <Select
                  key={`${r}-${f}`}
                  aria-label={t('rfmSettings.cell', { r, f })}
                  data={options}
                  value={segment}
                  onChange={(next) => next && setCell(r, f, next as SegmentId)}
                  allowDeselect={false}
                  readOnly={readOnly}
                  size="xs"
                  comboboxProps={{ width: 200 }}
                  data-testid={`segment-map-${r}-${f}`}
                  styles={{ input: { borderLeft: `4px solid var(--mantine-color-${SEGMENT_COLOR[segment]}-6)`, fontWeight: 600 } }}
                />
              );
            }),
          ])}
          <span />
          {SCORES.map((f) => (
            <Text key={`f${f}`} size="sm" fw={700} c="dimmed" ta="center">
              F{f}
            </Text>
          ))}
        </Box>
      </Box>
      {unreachable.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} data-testid="segment-map-unreachable">
          {t('rfmSettings.unreachable', { segments: unreachable.map((id) => text.segment(id).name).join(', ') })}
        </Alert>
      )}
      {!readOnly && (
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRestore size={14} />}
            onClick={() => onChange(DEFAULT_SEGMENT_GRID.map((row) => [...row]))}
            data-testid="segment-map-reset"
          >
            {t('rfmSettings.resetMap')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
