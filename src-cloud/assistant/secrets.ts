import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The environment variable holding the server key that seals the assistant's secrets at rest. */
export const ASSISTANT_KEY_ENV = 'SMA_ASSISTANT_KEY';

export class AssistantKeyError extends Error {}

/**
 * The 32-byte key from SMA_ASSISTANT_KEY (64 hex digits or base64). Without it the assistant does not
 * start: keeping WAHA and model keys in plain text would be the quiet alternative, and it is refused.
 */
export function assistantKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const raw = env[ASSISTANT_KEY_ENV]?.trim();
  if (!raw)
    throw new AssistantKeyError(
      `${ASSISTANT_KEY_ENV} is not set: the WhatsApp assistant needs a 32-byte server key (64 hex digits, e.g. \`openssl rand -hex 32\`) to keep its secrets encrypted.`,
    );
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new AssistantKeyError(`${ASSISTANT_KEY_ENV} must be 32 bytes (64 hex digits or base64), got ${key.length} bytes.`);
  return key;
}

/**
 * AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>` in base64url. The business id and the field are the
 * additional data, so a sealed value copied into another shop's row or another column does not open.
 */
export function seal(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function unseal(key: Buffer, sealed: string, context: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('Not a sealed assistant secret.');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
