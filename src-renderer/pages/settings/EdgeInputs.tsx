import { Group, Input, NumberInput, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../components/MoneyInput';
import type { RfmForm } from './rfmForm';

type Measure = 'recencyDays' | 'frequency' | 'monetary';

/** Four ascending edges of one measure; the list's own error (not ascending) shows under the row. */
export function EdgeInputs({ form, measure, readOnly }: { form: UseFormReturnType<RfmForm>; measure: Measure; readOnly: boolean }) {
  const { t } = useTranslation();
  const path = `rfmEdges.${measure}`;
  const listError = form.errors[path];
  return (
    <Input.Wrapper
      label={t(`rfmSettings.edges.${measure}`)}
      description={t(`rfmSettings.edges.${measure}Hint`)}
      error={listError}
      data-testid={`edges-${measure}`}
    >
      <Group gap="xs" mt={6} wrap="nowrap" align="flex-start">
        {[0, 1, 2, 3].map((index) => {
          const props = form.getInputProps(`${path}.${index}`);
          const common = {
            'aria-label': t('rfmSettings.edges.edge', { n: index + 1 }),
            readOnly,
            style: { flex: 1, minWidth: 0 },
            'data-testid': `edge-${measure}-${index}`,
          };
          return measure === 'monetary' ? (
            <MoneyInput
              key={index}
              {...common}
              value={props.value as number | ''}
              onChange={props.onChange as (value: number | '') => void}
              error={props.error}
              onBlur={props.onBlur}
            />
          ) : (
            <NumberInput
              key={index}
              {...common}
              {...props}
              min={0}
              allowDecimal={false}
              hideControls
              rightSection={
                measure === 'recencyDays' ? (
                  <Text size="xs" c="dimmed">
                    {t('rfmSettings.edges.daysUnit')}
                  </Text>
                ) : undefined
              }
              rightSectionWidth={measure === 'recencyDays' ? 44 : undefined}
            />
          );
        })}
      </Group>
    </Input.Wrapper>
  );
}
