import { createHash, randomBytes, randomInt } from 'node:crypto';
import { DEVICE_TOKEN_PREFIX } from '../../src-shared/sync/protocol';

/** Secrets are stored only as their SHA-256: a dump of the database opens nothing. */
export function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** 32 random bytes, prefixed so a leak scanner recognises a device token. */
export function newDeviceToken(): string {
  return `${DEVICE_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export const SESSION_TOKEN_PREFIX = 'smaadm_';
export function newSessionToken(): string {
  return `${SESSION_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from a phone is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ENROL_CODE_CHARS = 10; // 50 bits

/** An enrolment code as shown: `7KQ2M-9XD4T`. */
export function newEnrolCode(): string {
  let code = '';
  for (let i = 0; i < ENROL_CODE_CHARS; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The code as typed (any case, spaces or dashes, O for 0 and I/L for 1), in the form it was hashed in. */
export function normaliseEnrolCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function enrolCodeHash(typed: string): Buffer {
  return sha256(normaliseEnrolCode(typed));
}
