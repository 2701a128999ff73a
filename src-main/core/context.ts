import type { Kysely } from 'kysely';
import type { Language, SessionUser } from '../../src-shared/schemas/auth';
import type { Translate } from '../../src-shared/i18n/messages';
import type { Sqlite } from '../db/open';
import type { Database } from '../db/schema';
import type { Clock } from './clock';
import type { EventBus } from './events';
import type { Hlc } from './hlc';
import type { Jobs } from './jobs';

/** What the write helper needs: enough to run in the main process and in a job worker alike. */
export interface WriteCtx {
  sqlite: Sqlite;
  db: Kysely<Database>;
  clock: Clock;
  hlc: Hlc;
  userId: string | null;
}

/** The operating system's key store as the app uses it (content/secret-store.ts keeps it). */
export interface Secrets {
  available(): boolean;
  /** False where the encryption is only a fixed, well-known key (Linux without a keyring). */
  protected(): boolean;
  get(name: string): string | null;
  set(name: string, value: string | null): Promise<void>;
}

export interface Platform {
  saveFile(path: string, suggestedName: string): Promise<string | null>;
  /** Encrypted at rest by the operating system, or kept for the session only where it cannot be (see secretsStore). */
  secrets: Secrets;
}

/** One open shop: created once per DB by `openApp`, shared by every call. */
export interface AppServices {
  sqlite: Sqlite;
  db: Kysely<Database>;
  dbPath: string;
  clock: Clock;
  hlc: Hlc;
  events: EventBus;
  jobs: Jobs;
  /** Which user session each connected client (window or browser tab) is logged in with. */
  clientSessions: Map<string, string>;
  version: string;
  /** What only a desktop window can do (a save dialog, the OS key store); absent in browser mode and the CLI. */
  platform?: Platform;
}

/** The context of one call: the services plus who is calling, in which language. */
export interface Ctx extends AppServices, WriteCtx {
  clientId: string;
  user: SessionUser | null;
  sessionId: string | null;
  language: Language;
  t: Translate;
}
