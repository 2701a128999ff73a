import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Captioned } from '../../components/Captioned';
import { windowOptions, type WindowChoice } from '../../components/rfm/rfmChoices';
import { WindowMonthsInput } from '../../components/rfm/WindowMonthsInput';
import { SegmentedChoice } from '../../components/SegmentedChoice';

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
    <Captioned label={t('rfm.window.label')}>
      <Group gap="xs" wrap="nowrap">
        <SegmentedChoice value={choice} onChange={onChoice} options={windowOptions(t)} data-testid="rfm-run-window" />
        {choice === 'months' && (
          <WindowMonthsInput
            value={months}
            onChange={(value) => onMonths(typeof value === 'number' ? value : '')}
            w={90}
            error={invalid}
            data-testid="rfm-run-months"
          />
        )}
      </Group>
    </Captioned>
  );
}
