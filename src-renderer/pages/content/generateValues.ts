import type { SegmentId } from '../../../src-shared/rfm/rules';
import { currentLanguage } from '../../i18n';
import { DEFAULT_SEGMENT, type ContentChannel, type Tone } from './contentOptions';
import type { GenerateRequest } from './generationStore';

// The generate form's values (GenerateForm.tsx), started from the last request. Apart so that the
// form's parts (GenerateHowFields.tsx) share the type without importing the form.

export interface Values {
  segment: SegmentId;
  channel: ContentChannel;
  tone: Tone;
  offer: string;
  language: 'id' | 'en';
  variants: string;
}

export const toValues = (request: GenerateRequest | undefined): Values => ({
  segment: request?.segment ?? DEFAULT_SEGMENT,
  channel: request?.channel ?? 'whatsapp',
  tone: request?.tone ?? 'friendly',
  offer: request?.offer ?? '',
  language: request?.language ?? currentLanguage(),
  variants: String(request?.variants ?? 3),
});
