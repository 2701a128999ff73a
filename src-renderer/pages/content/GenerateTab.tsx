import { Stack } from '@mantine/core';
import { useApiMutation } from '../../api/hooks';
import { GenerateForm } from './GenerateForm';
import { GenerationResult } from './GenerationResult';
import { generationStore, useGeneration, type GenerateRequest } from './generationStore';

/** The form, then the variants it produced (kept while the window is open). */
export function GenerateTab() {
  const generation = useGeneration();
  const generate = useApiMutation('content.generate', {
    invalidates: ['content'],
    onSuccess: (result, request) => generationStore.show(request, result),
  });
  const run = (request: GenerateRequest) => generate.mutate(request);

  return (
    <Stack gap="lg">
      <GenerateForm last={generation?.request} loading={generate.isPending && !generate.variables?.regenerate} onGenerate={run} />
      {generation && (
        <GenerationResult
          generation={generation}
          regenerating={generate.isPending && Boolean(generate.variables?.regenerate)}
          onRegenerate={() => run({ ...generation.request, regenerate: true })}
        />
      )}
    </Stack>
  );
}
