import { CONTENT_CHANNELS, type GenerateOutput } from '../../src-shared/schemas/content';
import { SEGMENT_IDS } from '../../src-shared/rfm/rules';
import { CliError } from './io';

type Call = <T>(channel: string, input: unknown) => Promise<T>;
type Values = Record<string, string | boolean | undefined>;

/**
 * `content generate`: variants for a segment and channel through OPENAI_API_KEY / OPENAI_BASE_URL,
 * or the built-in templates with a notice when there is no key or no connection. Exit 0 either way.
 */
export async function contentGenerate(call: Call, values: Values): Promise<void> {
  const segment = String(values.segment ?? '');
  const channel = String(values.channel ?? '');
  if (!(SEGMENT_IDS as readonly string[]).includes(segment)) throw new CliError(`--segment must be one of: ${SEGMENT_IDS.join(', ')}.`, 2);
  if (!(CONTENT_CHANNELS as readonly string[]).includes(channel)) throw new CliError(`--channel must be one of: ${CONTENT_CHANNELS.join(', ')}.`, 2);
  const variants = values.variants === undefined ? 3 : Number(values.variants);
  if (!Number.isInteger(variants) || variants < 1 || variants > 5) throw new CliError('--variants must be a whole number from 1 to 5.', 2);
  const result = await call<GenerateOutput>('content.generate', { segment, channel, variants, offer: values.offer ? String(values.offer) : '', language: values.language === 'en' ? 'en' : 'id' });
  if (values.json) {
    console.log(JSON.stringify({ source: result.source, notice: result.notice, promptVersion: result.prompt.version, variants: result.variants.map((v) => ({ id: v.id, subject: v.subject, body: v.body })) }));
    return;
  }
  if (result.notice) console.error(result.notice);
  console.log(`Source: ${result.source}${result.source === 'template' ? ' (built-in templates)' : ''}`);
  result.variants.forEach((v, i) => console.log(`\n--- ${i + 1} ---\n${v.subject ? `${v.subject}\n\n` : ''}${v.body}`));
}
