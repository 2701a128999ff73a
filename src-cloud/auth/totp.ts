import { Secret, TOTP } from 'otpauth';

/** RFC 6238 at the authenticator apps' defaults: SHA-1, 6 digits, 30 s; one step either side allowed. */
function totpFor(secret: string, username: string): TOTP {
  return new TOTP({ issuer: 'Smart Marketing Agent', label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(username: string): { secret: string; otpauthUrl: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, otpauthUrl: totpFor(secret, username).toString() };
}

const PERIOD_MS = 30_000;

/** The 30-second step the code belongs to, or null when it matches none of now's neighbours. */
export function totpStep(secret: string, username: string, code: string, now: Date): number | null {
  const delta = totpFor(secret, username).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / PERIOD_MS) + delta;
}

/** The current code, for tests. */
export function totpCode(secret: string, now: Date): string {
  return totpFor(secret, 'x').generate({ timestamp: now.getTime() });
}
