import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translator } from '../../src-shared/i18n/messages';
import type { SegmentId } from '../../src-shared/rfm/rules';
import type { GenerateInput } from '../../src-shared/schemas/content';
import { resourcesDir } from '../paths';

interface TemplateFile {
  version: number;
  templates: Record<SegmentId, Record<GenerateInput['channel'], { subject: string | null; body: string }[]>>;
}

const loaded = new Map<string, TemplateFile>();

function library(language: 'id' | 'en'): TemplateFile {
  let file = loaded.get(language);
  if (!file) {
    file = JSON.parse(readFileSync(join(resourcesDir(), 'content-templates', `${language}.json`), 'utf8')) as TemplateFile;
    loaded.set(language, file);
  }
  return file;
}

/**
 * The built-in variants for a segment and channel, offered without a key or a connection. They
 * carry the same placeholders as generated text; {penawaran} is filled with the offer right away.
 */
export function templateVariants(request: GenerateInput): { variants: { subject: string | null; body: string }[]; hash: string; version: number } {
  const file = library(request.language);
  const offer = request.offer || translator(request.language)('content.offerDefault');
  const fill = (text: string) => text.replaceAll('{penawaran}', offer);
  const variants = file.templates[request.segment][request.channel]
    .slice(0, request.variants)
    .map((v) => ({ subject: v.subject === null ? null : fill(v.subject), body: fill(v.body) }));
  const hash = createHash('sha256')
    .update(
      JSON.stringify({
        templates: file.version,
        language: request.language,
        segment: request.segment,
        channel: request.channel,
        offer: request.offer,
        n: variants.length,
      }),
    )
    .digest('hex');
  return { variants, hash, version: file.version };
}
