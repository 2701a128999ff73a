import { Select } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../src-shared/format/date';
import type { RfmRunRow } from '../../../src-shared/schemas/rfm';
import { useApiQuery } from '../../api/hooks';
import { hrefWith } from '../../router';

/** The history of runs, newest first; choosing one puts its id in the address. */
export function RunPicker({ current }: { current: RfmRunRow | null }) {
  const { t } = useTranslation();
  const runs = useApiQuery('rfm.runs', { page: 1, pageSize: 100 });
  const label = (run: RfmRunRow) =>
    t('rfm.picker.option', { date: formatDate(run.analysisDate), method: t(`rfm.method.${run.method}`), at: formatDateTime(run.createdAt) });
  const rows = runs.data?.rows ?? (current ? [current] : []);
  const latestId = runs.data?.rows[0]?.id;
  return (
    <Select
      aria-label={t('rfm.picker.label')}
      leftSection={<IconHistory size={16} />}
      data={rows.map((run) => ({ value: run.id, label: run.id === latestId ? `${label(run)} · ${t('rfm.picker.latest')}` : label(run) }))}
      value={current?.id ?? null}
      onChange={(id) => {
        if (id) window.location.hash = id === latestId ? hrefWith({}, 'rfm') : hrefWith({ runId: id }, 'rfm');
      }}
      allowDeselect={false}
      w={{ base: '100%', sm: 540 }}
      comboboxProps={{ width: 'target' }}
      data-testid="rfm-run-picker"
    />
  );
}
