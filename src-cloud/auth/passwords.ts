import { hash, verify } from '@node-rs/argon2';

/** argon2id at the library's defaults (19 MiB, 2 passes: OWASP's baseline), off the event loop. */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the username does not exist, so both paths take the same time. */
let dummy: Promise<string> | null = null;
export const dummyPasswordHash = (): Promise<string> => (dummy ??= hash('not-a-real-password-used-for-timing'));
