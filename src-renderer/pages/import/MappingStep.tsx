import { Alert, Badge, Button, Group, List, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconBookmark, IconBuildingStore, IconWand } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKindName, InspectOutput } from '../../../src-shared/schemas/import';
import { fieldLabel, missingMessage, samples } from './fields';
import { ImportOptionsForm } from './ImportOptionsForm';
import { TYPE_COLORS } from './PreviewStep';
import { setMapping, type WizardState } from './wizardStore';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

const NONE = 'none';

/** Step 3: which file column fills which field, and how duplicates, returns and amounts are read. */
export function MappingStep({ wizard, missing }: { wizard: WizardState; missing: string[] }) {
  const { t } = useTranslation();
  const { inspect, kind, mapping } = wizard;
  // A marketplace export maps itself: its columns are shown only if the owner asks.
  const [ownMapping, setOwnMapping] = useState(false);
  if (!inspect) return null;
  const presetName = inspect.preset ? t(`import.preset.names.${inspect.preset}`, { defaultValue: inspect.preset }) : null;
  const showMapping = !presetName || ownMapping;
  const disabled = Boolean(wizard.run || wizard.busy);

  const columns = [
    { value: NONE, label: t('import.mapping.notImported') },
    ...inspect.headers.map((header, index) => {
      const [sample] = samples(inspect.rows, index, 1);
      return { value: String(index), label: sample ? `${header} (${sample})` : header };
    }),
  ];

  return (
    <Stack gap="lg">
      {presetName && (
        <Alert color="teal" variant="light" icon={<IconBuildingStore size={18} />} data-testid="import-preset-mapped">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('import.preset.mapped', { name: presetName })}</Text>
            <Button size="xs" variant="subtle" onClick={() => setOwnMapping((v) => !v)} data-testid="import-preset-edit-mapping">
              {t(ownMapping ? 'import.preset.hideMapping' : 'import.preset.editMapping')}
            </Button>
          </Group>
        </Alert>
      )}
      {showMapping && (
        <>
          <Stack gap="xs">
            <Text size="sm">{t('import.mapping.intro')}</Text>
            {inspect.mappingSource === 'remembered' ? (
              <Alert color="teal" variant="light" icon={<IconBookmark size={18} />} py="xs" data-testid="import-mapping-remembered">
                {t('import.mapping.remembered')}
              </Alert>
            ) : (
              <Text size="xs" c="dimmed">
                <IconWand size={14} style={{ verticalAlign: 'text-bottom' }} /> {t('import.mapping.auto')}
              </Text>
            )}
          </Stack>

          <ScrollTable
            minWidth={760}
            layout="fixed"
            verticalSpacing={8}
            horizontalSpacing="sm"
            data-testid="import-mapping-table"
            head={
              <>
                <Table.Th w={270}>{t('import.mapping.field')}</Table.Th>
                <Table.Th w={330}>{t('import.mapping.column')}</Table.Th>
                <Table.Th>{t('import.mapping.sample')}</Table.Th>
              </>
            }
          >
            {inspect.fields.map(({ field, required }) => {
              const column = mapping[field];
              const mapped = column !== null && column !== undefined;
              return (
                <Table.Tr key={field} data-testid={`map-row-${field}`}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600} truncate>
                        {fieldLabel(t, kind, field)}
                      </Text>
                      <RequiredMark required={required} kind={kind} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={fieldLabel(t, kind, field)}
                      data={columns}
                      value={mapped ? String(column) : NONE}
                      onChange={(value) => setMapping(field, value === null || value === NONE ? null : Number(value))}
                      allowDeselect={false}
                      searchable
                      disabled={disabled}
                      comboboxProps={{ withinPortal: true }}
                      styles={{ input: mapped ? undefined : { color: 'var(--mantine-color-dimmed)' } }}
                      data-testid={`map-${field}`}
                    />
                  </Table.Td>
                  <Table.Td>{mapped && <Samples inspect={inspect} column={column} />}</Table.Td>
                </Table.Tr>
              );
            })}
          </ScrollTable>
        </>
      )}

      {missing.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={t('import.mapping.missingTitle')} data-testid="import-missing">
          <List size="sm" spacing={2}>
            {missing.map((item) => (
              <List.Item key={item}>{missingMessage(t, kind, item)}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      <ImportOptionsForm wizard={wizard} />
    </Stack>
  );
}

/** "wajib", or "salah satu" for fields of a one-of group, with the group's rule on hover. */
function RequiredMark({ required, kind }: { required: boolean | string; kind: ImportKindName }) {
  const { t } = useTranslation();
  if (required === true) {
    return (
      <Badge size="xs" color="red" variant="light" style={{ flexShrink: 0 }}>
        {t('import.mapping.required')}
      </Badge>
    );
  }
  if (typeof required === 'string') {
    return (
      <Tooltip label={missingMessage(t, kind, required)} multiline maw={280} withinPortal>
        <Badge size="xs" color="orange" variant="light" style={{ flexShrink: 0 }}>
          {t('import.mapping.oneOf')}
        </Badge>
      </Tooltip>
    );
  }
  return null;
}

function Samples({ inspect, column }: { inspect: InspectOutput; column: number }) {
  const { t } = useTranslation();
  const values = samples(inspect.rows, column, 3);
  const type = inspect.columnTypes[column] ?? 'text';
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <Badge size="xs" variant="light" color={TYPE_COLORS[type]} style={{ flexShrink: 0 }}>
        {t(`import.preview.types.${type}`)}
      </Badge>
      <Text size="xs" c="dimmed" truncate>
        {values.join(' · ') || t('import.report.blank')}
      </Text>
    </Group>
  );
}
