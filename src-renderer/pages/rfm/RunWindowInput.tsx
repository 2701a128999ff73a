import { Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type WindowChoice = 'all' | 'months';

interface Props {
  choice: WindowChoice;
  months: number | '';
  /** The months typed are not a whole number from 1 to 240. */
  invalid: boolean;
  onChoice: (choice: WindowChoice) => void;
  onMonths: (months: number | '') => void;
}

/**
 * Which sales one RFM run reads: all of them, or only the last so many months. Apart from the run
 * form (RunForm.tsx) because it is two inputs that make one choice.
 */
export function RunWindowInput({ choice, months, invalid, onChoice, onMonths }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('rfm.window.label')}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <SegmentedControl
          value={choice}
          onChange={(value) => onChoice(value as WindowChoice)}
          data={[
            { value: 'all', label: t('rfm.window.all') },
            { value: 'months', label: t('rfm.window.last') },
          ]}
          data-testid="rfm-run-window"
        />
        {choice === 'months' && (
          <NumberInput
            value={months}
            onChange={(value) => onMonths(typeof value === 'number' ? value : '')}
            min={1}
            max={240}
            allowDecimal={false}
            w={90}
            rightSection={
              <Text size="xs" c="dimmed" pr={6}>
                {t('rfm.window.monthsUnit')}
              </Text>
            }
            rightSectionWidth={48}
            error={invalid}
            aria-label={t('rfm.window.months')}
            data-testid="rfm-run-months"
          />
        )}
      </Group>
    </Stack>
  );
}
