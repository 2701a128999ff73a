import { Alert, Badge, Box, Group, LoadingOverlay, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconBuildingStore } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectOutput } from '../../../src-shared/schemas/import';
import { formatBytes } from '../../components/formatBytes';
import { chooseHeaderRow, chooseSheet } from './wizardFile';
import type { WizardState } from './wizardStore';

type ColumnType = InspectOutput['columnTypes'][number];

export const TYPE_COLORS: Record<ColumnType, string> = {
  date: 'grape',
  number: 'teal',
  phone: 'orange',
  email: 'cyan',
  text: 'gray',
  empty: 'red',
};

const DELIMITERS: Record<string, 'comma' | 'semicolon' | 'tab' | 'pipe'> = { ',': 'comma', ';': 'semicolon', tab: 'tab', '|': 'pipe' };
const ENCODINGS: Record<string, string> = { utf8: 'UTF-8', utf16le: 'UTF-16', 'windows-1252': 'Windows-1252' };

interface HeaderChoice {
  value: string;
  label: string;
  index: number;
  /** Set for rows below the current header, whose exact index the preview does not tell. */
  expected?: string[];
}

/**
 * The header row is picked by what the rows say, not by a number: the rows above the detected
 * header, the header itself, and the first data rows below it.
 */
function headerChoices(inspect: InspectOutput, blank: string): HeaderChoice[] {
  const above = [...inspect.titleRows, inspect.headers].map((cells, index) => ({ cells, index, expected: undefined as string[] | undefined }));
  const below = inspect.rows.slice(0, 5).map((cells, k) => ({ cells, index: inspect.headerRow + 1 + k, expected: cells }));
  return [...above, ...below]
    .filter((row) => row.index <= 50)
    .map(({ cells, index, expected }, position) => {
      const text = cells
        .filter((cell) => cell.trim() !== '' && !/^\([A-Z]+\)$/.test(cell))
        .slice(0, 8)
        .join(' · ');
      const label = text.length > 80 ? `${text.slice(0, 79)}…` : text;
      return { value: String(position), label: label || blank, index, expected };
    });
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Box fw={600} fz="sm">
        {children}
      </Box>
    </Stack>
  );
}

/** Step 2: what the file looks like: its format, the sheet and header row, and the first rows. */
export function PreviewStep({ wizard }: { wizard: WizardState }) {
  const { t } = useTranslation();
  const { inspect, file, busy, fileError, inspectCount } = wizard;
  if (!inspect || !file) return null;
  const delimiter = inspect.delimiter ? DELIMITERS[inspect.delimiter] : undefined;
  const choices = headerChoices(inspect, t('import.preview.blankRow'));

  return (
    <Stack gap="lg" pos="relative">
      <LoadingOverlay
        visible={busy === 'inspect'}
        zIndex={5}
        overlayProps={{ blur: 1 }}
        loaderProps={{ children: <Text fw={600}>{t('import.preview.reading')}</Text> }}
      />
      {fileError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('import.upload.errorTitle')} data-testid="import-file-error">
          {fileError}
        </Alert>
      )}
      {inspect.preset && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconBuildingStore />}
          title={t(inspect.presetKind === 'till' ? 'import.preset.detectedTill' : 'import.preset.detected', {
            name: t(`import.preset.names.${inspect.preset}`, { defaultValue: inspect.preset }),
          })}
          data-testid="import-preset-detected"
        >
          {t(inspect.presetKind === 'till' ? 'import.preset.detectedTillHint' : 'import.preset.detectedHint')}
        </Alert>
      )}
      <Group gap="xl" align="flex-end" wrap="wrap">
        <Fact label={t('import.preview.file')}>
          <Text span fw={600} size="sm" maw={280} truncate display="inline-block" style={{ verticalAlign: 'bottom' }}>
            {file.name}
          </Text>{' '}
          <Text span size="sm" c="dimmed">
            ({formatBytes(file.size)})
          </Text>
        </Fact>
        <Fact label={t('import.preview.format')}>{t(`import.preview.formats.${inspect.format}`)}</Fact>
        {inspect.encoding && <Fact label={t('import.preview.encoding')}>{ENCODINGS[inspect.encoding] ?? inspect.encoding}</Fact>}
        {inspect.delimiter && <Fact label={t('import.preview.delimiter')}>{delimiter ? t(`import.preview.delimiters.${delimiter}`) : inspect.delimiter}</Fact>}
        {inspect.format === 'xlsx' && inspect.sheets.length <= 1 && <Fact label={t('import.preview.sheet')}>{inspect.sheet}</Fact>}
      </Group>

      <Group gap="md" align="flex-end" wrap="wrap">
        {inspect.sheets.length > 1 && (
          <Select
            key={`sheet-${inspectCount}`}
            label={t('import.preview.sheet')}
            data={inspect.sheets}
            defaultValue={inspect.sheet}
            onChange={(value) => value && value !== inspect.sheet && chooseSheet(value)}
            allowDeselect={false}
            disabled={Boolean(busy)}
            w={240}
            data-testid="import-sheet"
          />
        )}
        <Select
          key={`header-${inspectCount}`}
          label={t('import.preview.headerRow')}
          description={t('import.preview.headerRowHint')}
          data={choices.map(({ value, label }) => ({ value, label }))}
          defaultValue={String(inspect.titleRows.length)}
          onChange={(value) => {
            const choice = choices.find((c) => c.value === value);
            if (choice && choice.index !== inspect.headerRow) void chooseHeaderRow(choice.index, choice.expected);
          }}
          allowDeselect={false}
          disabled={Boolean(busy)}
          w={{ base: '100%', sm: 480 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="import-header-row"
        />
      </Group>

      {inspect.titleRows.some((row) => row.some((cell) => cell !== '')) && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            {t('import.preview.titleRows')}
          </Text>
          <Box p="xs" bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-7))" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
            {inspect.titleRows.map((row, index) => (
              <Text key={index} size="xs" c="dimmed" ff="monospace" truncate>
                {inspect.titleLines[index] ?? index + 1}. {row.filter((cell) => cell !== '').join(' · ') || '—'}
              </Text>
            ))}
          </Box>
        </Stack>
      )}

      <PreviewTable inspect={inspect} />
      <Text size="xs" c="dimmed">
        {inspect.rows.length > 0 ? t('import.preview.shown', { n: inspect.rows.length }) : t('import.preview.noRows')}
      </Text>
    </Stack>
  );
}

function PreviewTable({ inspect }: { inspect: InspectOutput }) {
  const { t } = useTranslation();
  return (
    <Box style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={600} maxHeight={460}>
        <Table striped withColumnBorders stickyHeader verticalSpacing={6} horizontalSpacing="sm" fz="sm" data-testid="import-preview-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44} c="dimmed">
                #
              </Table.Th>
              {inspect.headers.map((header, index) => (
                <Table.Th key={index} style={{ verticalAlign: 'top' }}>
                  <Stack gap={4}>
                    <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                      {header}
                    </Text>
                    <Badge size="xs" variant="light" color={TYPE_COLORS[inspect.columnTypes[index] ?? 'text']} data-testid={`import-type-${index}`}>
                      {t(`import.preview.types.${inspect.columnTypes[index] ?? 'text'}`)}
                    </Badge>
                  </Stack>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inspect.rows.map((row, rowIndex) => (
              <Table.Tr key={rowIndex}>
                <Table.Td c="dimmed" className="sma-num" data-testid="import-preview-line">
                  {inspect.rowLines[rowIndex] ?? rowIndex + 1}
                </Table.Td>
                {inspect.headers.map((_, index) => (
                  <Table.Td key={index} style={{ whiteSpace: 'nowrap', maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis' }} title={row[index]}>
                    {row[index]}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}
