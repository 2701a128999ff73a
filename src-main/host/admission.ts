import { randomBytes, timingSafeEqual } from 'node:crypto';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const secret = () => randomBytes(24).toString('hex');

/**
 * Who may talk to the browser-mode host: a browser gets in once, through a one-time link printed in
 * the terminal, and is then known by the cookie it was given, until the login session's lifetime
 * ends. Secrets are compared in constant time.
 */
export class Admission {
  private readonly tokens = new Set<string>();
  /** Each admitted browser's cookie and when it stops being accepted. */
  private readonly clients = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /** A fresh one-time token: each opens one browser session. */
  newToken(): string {
    const token = secret();
    this.tokens.add(token);
    return token;
  }

  /** Whether this cookie belongs to a browser let in and not yet expired. */
  knows(client: string | undefined): client is string {
    const now = this.now();
    for (const [c, until] of this.clients) if (until <= now) this.clients.delete(c);
    return client !== undefined && [...this.clients.keys()].some((c) => sameSecret(c, client));
  }

  /** Spends a token: the new browser's cookie, or null when the token was used or never given. */
  admit(token: string, lifetimeMs: number): string | null {
    const match = [...this.tokens].find((t) => sameSecret(t, token));
    if (!match) return null;
    this.tokens.delete(match);
    const client = secret();
    this.clients.set(client, this.now() + lifetimeMs);
    return client;
  }
}
