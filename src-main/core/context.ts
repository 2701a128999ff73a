import type { Kysely } from 'kysely';
import type { Language, SessionUser } from '../../src-shared/schemas/auth';
import type { Translate } from '../../src-shared/i18n/messages';
import type { Sqlite } from '../db/open';
import type { Database } from '../db/schema';
import type { JobRunner } from '../jobs/runner';
import type { Secrets } from '../content/secret-store';
import type { Clock } from './clock';
import type { EventBus } from './events';
import type { Hlc } from './hlc';

/** What the write helper needs: enough to run in the main process and in a job worker alike. */
export interface WriteCtx {
  sqlite: Sqlite;
  db: Kysely<Database>;
  clock: Clock;
  hlc: Hlc;
  userId: string | null;
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
  jobs: JobRunner;
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
