import type { Sqlite } from '../../db/open';
import { channelForUtm } from '../../leads/stages';

interface Named {
  id: string;
  name: string;
}

type Stage = Named & { kind: string };

const key = (text: string) => text.trim().toLocaleLowerCase('id');

/**
 * The shop's stages, channels and users as a leads file names them, read once per import: a cell
 * may give a stage or channel by its name or id (a channel also by one of its UTM values, as the
 * lead form's UTM fields do), and an owner by username, id, or a name no other user shares.
 */
export class LeadLists {
  readonly stages: Stage[];
  private readonly channels: (Named & { utm: string[]; position: number })[];
  private readonly users: (Named & { username: string })[];

  constructor(sqlite: Sqlite) {
    this.stages = sqlite.prepare('SELECT id, name, kind FROM lead_stages WHERE deleted_at IS NULL ORDER BY position').all() as Stage[];
    const channels = sqlite.prepare('SELECT id, name, utm, position FROM lead_channels WHERE deleted_at IS NULL ORDER BY position').all() as (Named & {
      utm: string;
      position: number;
    })[];
    this.channels = channels.map((c) => ({ ...c, utm: JSON.parse(c.utm) as string[] }));
    this.users = sqlite.prepare('SELECT id, name, username FROM users WHERE active = 1 AND deleted_at IS NULL ORDER BY created_at').all() as (Named & {
      username: string;
    })[];
  }

  /** A new lead's stage when the file gives none: the first open one, as the lead form does. */
  get firstOpen(): Stage | undefined {
    return this.stages.find((s) => s.kind === 'open');
  }

  stage(text: string): Stage | undefined {
    return this.stages.find((s) => s.id === text || key(s.name) === key(text));
  }

  channel(text: string): string | null {
    return this.channels.find((c) => c.id === text)?.id ?? channelForUtm(this.channels, text, null);
  }

  /** The channel UTM values mean, when the file names none (null when they mean none). */
  channelOfUtm(source: string | null, medium: string | null): string | null {
    return source || medium ? channelForUtm(this.channels, source, medium) : null;
  }

  owner(text: string): string | undefined {
    const byLogin = this.users.find((u) => u.id === text || key(u.username) === key(text));
    if (byLogin) return byLogin.id;
    const byName = this.users.filter((u) => key(u.name) === key(text));
    return byName.length === 1 ? byName[0].id : undefined;
  }

  /** What a cell may say, for the message of one that says something else. */
  choices(list: 'stage' | 'channel' | 'owner'): string {
    if (list === 'stage') return this.stages.map((s) => s.name).join(', ');
    if (list === 'channel') return this.channels.map((c) => c.name).join(', ');
    return this.users.map((u) => u.username).join(', ');
  }
}
