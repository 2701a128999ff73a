import { Grid, Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { TONES } from './contentOptions';
import type { Values } from './generateValues';
import { SegmentsField } from './SegmentsField';

/**
 * How the messages are written: the tone, the language and how many variants. Apart from the form
 * (GenerateForm.tsx), which says for whom and where, because these three only shape the text.
 */
export function GenerateHowFields({ form }: { form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  return (
    <>
      <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
        <Select
          label={t('content.form.tone')}
          data={TONES.map((tone) => ({ value: tone, label: t(`content.tone.${tone}`) }))}
          allowDeselect={false}
          {...form.getInputProps('tone')}
          data-testid="content-tone"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
        <SegmentsField
          label={t('content.form.language')}
          data={[
            { value: 'id', label: 'Bahasa Indonesia' },
            { value: 'en', label: 'English' },
          ]}
          {...form.getInputProps('language')}
          data-testid="content-language"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <SegmentsField label={t('content.form.variants')} data={['1', '2', '3', '4', '5']} {...form.getInputProps('variants')} data-testid="content-variants" />
      </Grid.Col>
    </>
  );
}
