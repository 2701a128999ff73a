import { CONTENT_CHANNELS, type GenerateInput } from '../../src-shared/schemas/content';
import { SEGMENT_IDS } from '../../src-shared/rfm/rules';
import { oneOf, wholeNumber, type Values } from './args';
import { CliError, type Call } from './io';
import { say } from './messages';

export interface ContentArgs {
  segment: GenerateInput['segment'];
  channel: GenerateInput['channel'];
  variants: number;
  offer: string;
  language: 'id' | 'en';
  json: boolean;
}

/** `content generate`'s options, checked before the database is opened. */
export function contentArgs(values: Values): ContentArgs {
  const segment = oneOf(values, 'segment', SEGMENT_IDS);
  const channel = oneOf(values, 'channel', CONTENT_CHANNELS);
  if (!segment) throw new CliError(say('usage.oneOf', { option: '--segment', values: SEGMENT_IDS.join(', ') }), 2);
  if (!channel) throw new CliError(say('usage.oneOf', { option: '--channel', values: CONTENT_CHANNELS.join(', ') }), 2);
  return {
    segment,
    channel,
    variants: wholeNumber(values, 'variants', 1, 5) ?? 3,
    offer: values.offer ?? '',
    // The language of the text for customers; the messages around it follow SMA_LANG or the owner.
    language: oneOf(values, 'language', ['id', 'en'] as const) ?? 'id',
    json: Boolean(values.json),
  };
}

/**
 * `content generate`: variants for a segment and channel through OPENAI_API_KEY / OPENAI_BASE_URL,
 * or the built-in templates with a notice when there is no key or no connection. Exit 0 either way;
 * fewer variants than asked for (there are two templates per segment and channel) are said on stderr.
 */
export async function contentGenerate(call: Call, args: ContentArgs): Promise<void> {
  const result = await call('content.generate', {
    segment: args.segment,
    channel: args.channel,
    variants: args.variants,
    offer: args.offer,
    language: args.language,
  });
  if (result.notice && !args.json) console.error(result.notice);
  const got = result.variants.length;
  if (got < args.variants) {
    const why =
      result.source === 'template' ? say('content.fewerTemplates', { got, segment: args.segment, channel: args.channel }) : say('content.fewerAnswer', { got });
    console.error(say('content.fewer', { asked: args.variants, got, why }));
  }
  if (args.json) {
    console.log(
      JSON.stringify({
        source: result.source,
        notice: result.notice,
        promptVersion: result.prompt.version,
        variants: result.variants.map((v) => ({ id: v.id, subject: v.subject, body: v.body })),
      }),
    );
    return;
  }
  console.log(say('content.source', { source: result.source === 'template' ? say('content.templates', { source: result.source }) : result.source }));
  result.variants.forEach((v, i) => console.log(`\n--- ${i + 1} ---\n${v.subject ? `${v.subject}\n\n` : ''}${v.body}`));
}
