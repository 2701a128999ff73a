import { newId } from '../../core/ids';
import type { NewRow } from '../../core/write';
import { inserter } from '../bulk-insert';
import { leadCode } from '../../leads/service';
import type { LeadFields, LeadLookup } from './lead-fields';
import { LeadLists } from './lead-lists';
import { StopImport, type ImportEnv, type Importer, type Outcomes, type ReadRow, type RowOutcome } from './env';

interface KnownLead {
  id: string;
  code: string;
  name: string;
}

/**
 * Leads (issue 22): a new phone makes a new lead with its first stage change, as the lead form
 * does; a phone a live lead already has follows the duplicate policy. Stage, channel and owner are
 * looked up by name. A leads file goes in whole or not at all: one row the shop's lists cannot
 * place (or any other failed row) stops the import, with every such row listed.
 */
export class LeadsImporter implements Importer<LeadFields> {
  private readonly lists: LeadLists;
  private readonly byPhone = new Map<string, KnownLead>();
  private readonly seen = new Map<string, number>();
  private nextNumber: number;
  private insertLead: ((row: NewRow<'leads'> & { id: string }) => void) | null = null;
  private insertChange: ((row: NewRow<'lead_stage_changes'> & { id: string }) => void) | null = null;
  records = 0;
  readonly customersCreated = 0;
  readonly warnings: string[] = [];
  /** Leads and their stage changes get an outbox entry each (sync knows no import entry for them). */
  readonly tables = [] as const;

  constructor(private readonly env: ImportEnv) {
    this.lists = new LeadLists(env.sqlite);
    const live = env.sqlite.prepare('SELECT id, code, name, phone FROM leads WHERE phone IS NOT NULL AND deleted_at IS NULL').all() as (KnownLead & {
      phone: string;
    })[];
    for (const lead of live) this.byPhone.set(lead.phone, lead);
    const top = env.sqlite.prepare("SELECT MAX(CAST(SUBSTR(code, 3) AS INTEGER)) FROM leads WHERE code GLOB 'L-[0-9]*'").pluck().get() as number | null;
    this.nextNumber = (top ?? 0) + 1;
  }

  row(row: ReadRow<LeadFields>, out: Outcomes): void {
    out.add(this.one(row));
  }

  private issue(line: number, field: string, category: 'duplicate' | 'other', value: string, message: string): void {
    this.env.log.issue(line, this.env.headerOf(field), field, category, value, message);
  }

  /** A stage, channel or owner the shop's lists lack: the row fails, naming what the cell may say. */
  private unknown(line: number, field: LeadLookup, value: string): null {
    const key = field === 'stage' ? 'imp.leadStage' : field === 'channel' ? 'imp.leadChannel' : 'imp.leadOwner';
    this.issue(line, field, 'other', value, this.env.t(key, { value, choices: this.lists.choices(field) }));
    return null;
  }

  private one({ line, fields: l }: ReadRow<LeadFields>): RowOutcome {
    const stage = l.stage ? (this.lists.stage(l.stage) ?? this.unknown(line, 'stage', l.stage)) : this.lists.firstOpen;
    const channelId = l.channel
      ? (this.lists.channel(l.channel) ?? this.unknown(line, 'channel', l.channel))
      : this.lists.channelOfUtm(l.utmSource, l.utmMedium);
    const ownerId = l.owner ? (this.lists.owner(l.owner) ?? this.unknown(line, 'owner', l.owner)) : null;
    if (l.failed || !stage || (channelId === null && l.channel) || (ownerId === null && l.owner)) return 'failed';
    if (l.phone) {
      const first = this.seen.get(l.phone);
      if (first !== undefined) {
        this.issue(line, 'phone', 'duplicate', l.rawPhone, this.env.t('imp.dupInFile', { line: first, field: this.env.t('field.phone') }));
        return 'skipped';
      }
      this.seen.set(l.phone, line);
    }
    const columns = {
      name: l.name as string,
      organisation: l.organisation,
      email: l.email,
      city: l.city,
      channel_id: channelId,
      utm_source: l.utmSource,
      utm_medium: l.utmMedium,
      campaign_code: l.campaignCode,
      interest: l.interest,
      value: l.value ?? 0,
      owner_id: ownerId,
      expected_close: l.expectedClose,
      notes: l.notes,
    };
    const existing = l.phone ? this.byPhone.get(l.phone) : undefined;
    if (existing) return this.duplicate(line, l, existing, columns);
    const id = newId();
    const code = leadCode(this.nextNumber++);
    const now = this.env.w.now;
    this.insertLead ??= inserter(this.env.w, 'leads', 64);
    this.insertChange ??= inserter(this.env.w, 'lead_stage_changes', 64);
    this.insertLead({
      id,
      code,
      ...columns,
      phone: l.phone,
      stage_id: stage.id,
      stage_changed_at: now,
      customer_id: null,
      closed_at: stage.kind === 'open' ? null : now,
      lost_reason: null,
      upload_id: this.env.uploadId,
      deleted_at: null,
    });
    // The lead's first history row, as createLead writes it: the import's user put it on its stage.
    this.insertChange({ id: newId(), lead_id: id, from_stage_id: null, to_stage_id: stage.id, reason: null, user_id: this.env.userId });
    if (l.phone) this.byPhone.set(l.phone, { id, code, name: columns.name });
    this.records += 1;
    return 'imported';
  }

  /**
   * A lead already has the phone: skipped and listed, the import stopped, or the lead updated with
   * what the file fills in (an empty cell keeps what the lead has). Its stage stays: a move is a
   * decision with a history and maybe a reason, made on the board.
   */
  private duplicate(line: number, l: LeadFields, existing: KnownLead, columns: Record<string, string | number | null>): RowOutcome {
    const t = this.env.t;
    if (this.env.options.onDuplicate === 'stop') throw new StopImport(t('imp.stopDuplicate', { line }));
    if (this.env.options.onDuplicate === 'skip') {
      this.issue(line, 'phone', 'duplicate', l.rawPhone, t('imp.dupInDb', { name: existing.name, code: existing.code, field: t('field.phone') }));
      return 'skipped';
    }
    const patch = Object.fromEntries(Object.entries({ ...columns, value: l.value }).filter(([, value]) => value !== null));
    this.env.w.update('leads', existing.id, patch, t('err.notFound', { entity: t('entity.lead') }));
    this.records += 1;
    return 'updated';
  }

  /** All or nothing: any failed row stops the import (the rows are listed, nothing is written). */
  finish(out: Outcomes): void {
    if (out.failed > 0) throw new StopImport(this.env.t('imp.stopLeads', { count: out.failed }));
  }
}
