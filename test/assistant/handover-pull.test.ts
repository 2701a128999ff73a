import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueEnrolCode } from '../../src-cloud/admin/enrol-codes';
import { withAssistant } from '../../src-cloud/assistant/schema';
import { PULL_HANDOVERS_PAGE } from '../../src-shared/sync/protocol';
import type { EventPayload } from '../../src-shared/contract';
import { dateInZone } from '../../src-shared/format/date';
import { handoverNotice, notifyHandovers } from '../../src-main/electron/handover-notice';
import type { Notice } from '../../src-main/electron/reminder-notice';
import { announceDueFollowUps } from '../../src-main/leads/reminders';
import { pullNow } from '../../src-main/sync/pull';
import { enrol } from '../../src-main/sync/service';
import { tokenStore } from '../../src-main/sync/token-store';
import { adminCall } from '../cloud/admin-client';
import { call } from '../cloud/cloud-server';
import type { App } from '../../src-main/app';
import { ok, rowCount, shopWithOwner } from '../helpers';
import { answer } from './fake-model';
import { handoversOf, say, startWorld, type Shop, type World } from './harness';

/**
 * Issue 23 on the laptop: the assistant's handovers come down with the real sync pull from the real
 * cloud (fake WAHA, fake model) and become leads, activities and the owner's entry in the bell.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());

async function laptopOf(shop: Shop) {
  const app = await shopWithOwner();
  const { code } = await issueEnrolCode(world.cloud.db, shop.businessId, null, new Date());
  await enrol(app.services, { server: world.cloud.url, code });
  const handed: EventPayload<'leads.handedOver'>[] = [];
  app.services.events.subscribe((event) => {
    if (event.name === 'leads.handedOver') handed.push(event.payload as EventPayload<'leads.handedOver'>);
  });
  const pull = () => pullNow({ ...app.services, token: tokenStore(app.services).get() as string });
  return { app, pull, handed };
}

const leadsWithPhone = (app: App, phone: string) =>
  app.services.sqlite.prepare('SELECT * FROM leads WHERE phone = ? AND deleted_at IS NULL').all(phone) as Record<string, unknown>[];

async function askForDp(phone: string) {
  world.model.script.push(answer({ reply: 'Paket Maret Hemat Rp 25.000.000.', newPhase: 'LEADS' }));
  await say(world, world.a, phone, 'Halo, dari iklan UMR_MAR_2025_HEMAT');
  world.model.script.push(
    answer({
      reply: 'Baik Kak, admin kami akan menjelaskan pembayaran DP.',
      newPhase: 'INTEREST',
      summary: 'Tertarik paket Maret Hemat untuk 2 orang, menanyakan DP.',
    }),
  );
  await say(world, world.a, phone, 'DP berapa?');
}

describe('handovers land on the laptop as leads after a sync pull', () => {
  it('words the OS notification: the first chat by name and why, in English too, and how many more', () => {
    const fresh = (name: string, reason: string) => ({ leadId: 'l', activityId: 'a', name, reason, summary: '', created: true });
    expect(handoverNotice({ fresh: [fresh('Bu Ratna', 'person_request'), fresh('0812-1', 'quota'), fresh('0812-2', 'later_reason')] }, 'en')).toEqual({
      title: 'The WhatsApp assistant handed over a chat',
      body: 'Bu Ratna: the customer asked for a person — and 2 more chats.',
    });
    expect(handoverNotice({ fresh: [fresh('0812-2', 'later_reason')] }, 'id')?.body).toBe('0812-2: alasan lain (later_reason).');
    expect(handoverNotice({ fresh: [] }, 'id')).toBeNull();
  });

  it('"DP berapa?" becomes a Booking lead with the summary and campaign code, and a bell entry; a second pull adds nothing', async () => {
    const { app, pull, handed } = await laptopOf(world.a);
    await askForDp('6281200000101');
    const [handover] = (await handoversOf(world, world.a)).filter((h) => h.phone === '+6281200000101');
    expect(handover).toMatchObject({ stage: 'booking', reason: 'payment_intent' });

    const shown: Notice[] = [];
    notifyHandovers(app.services, (notice) => shown.push(notice));
    const first = await pull();
    expect(first.handedOver).toHaveLength(1);
    // The desktop app's OS notification (the electron layer only calls `new Notification` with it).
    await expect.poll(() => shown).toEqual([{ title: 'Asisten WhatsApp menyerahkan percakapan', body: '0812-0000-0101: pelanggan ingin membayar.' }]);
    const [lead] = leadsWithPhone(app, '+6281200000101');
    expect(lead).toMatchObject({
      stage_id: 'booking',
      channel_id: 'whatsapp',
      campaign_code: 'UMR_MAR_2025_HEMAT',
      notes: 'Tertarik paket Maret Hemat untuk 2 orang, menanyakan DP.',
      name: '0812-0000-0101',
    });
    // The lead page: its activity says who handed it over and why, due now, for the owner.
    const detail = await ok(app, 'leads.get', { id: String(lead.id) });
    expect(detail.lead.stageName).toBe('Booking');
    expect(detail.history).toMatchObject([{ toStageId: 'booking', reason: 'Diserahkan oleh asisten WhatsApp: pelanggan ingin membayar.', userName: null }]);
    const activity = detail.activities.find((a) => a.id === handover.id);
    expect(activity).toMatchObject({
      kind: 'whatsapp',
      outcome: 'Diserahkan oleh asisten WhatsApp: pelanggan ingin membayar. Tertarik paket Maret Hemat untuk 2 orang, menanyakan DP.',
      doneAt: null,
    });
    expect(activity?.nextAction).toBe('Balas di WhatsApp: Tertarik paket Maret Hemat untuk 2 orang, menanyakan DP.');
    // Dated when the customer was handed over (the cloud's clock), not when the laptop happened to sync.
    expect(activity?.createdAt).toBe(handover.created_at.toISOString());
    expect(activity?.dueDate).toBe(dateInZone(handover.created_at, 'Asia/Jakarta'));
    // The bell (the owner's follow-ups due) links to the lead.
    const bell = await ok(app, 'followUps.list', { who: 'me' });
    expect(bell.rows.filter((r) => r.leadId === lead.id).map((r) => r.id)).toEqual([handover.id]);
    expect(bell.dueToday + bell.overdue).toBeGreaterThanOrEqual(1);
    // Announced once, by the pull's own event; the minute timer does not announce it again.
    expect(handed).toEqual([
      {
        fresh: [
          {
            leadId: lead.id,
            activityId: handover.id,
            name: '0812-0000-0101',
            reason: 'payment_intent',
            summary: 'Tertarik paket Maret Hemat untuk 2 orang, menanyakan DP.',
            created: true,
          },
        ],
      },
    ]);
    expect((await announceDueFollowUps(app.services)).map((r) => r.id)).not.toContain(handover.id);
    // Written through the write helper: the lead, its stage history and the activity wait to be pushed.
    const outbox = app.services.sqlite.prepare('SELECT entity FROM outbox WHERE entity_id IN (?, ?) ORDER BY seq').pluck().all(lead.id, handover.id);
    expect(outbox).toEqual(['leads', 'lead_activities']);
    expect(app.services.sqlite.prepare('SELECT handover_cursor FROM sync_state').pluck().get()).toBe(Number(handover.version));

    const counts = () => ({
      leads: rowCount(app, 'leads'),
      activities: rowCount(app, 'lead_activities'),
      changes: rowCount(app, 'lead_stage_changes'),
      outbox: rowCount(app, 'outbox'),
      logs: rowCount(app, 'activity_logs'),
    });
    const before = counts();
    const again = await pull();
    expect(again.handedOver).toEqual([]);
    expect(counts()).toEqual(before);
    // Even from the start again (a re-enrolment resets the cursor): the handover's id is the activity's.
    app.services.sqlite.prepare('UPDATE sync_state SET handover_cursor = 0').run();
    expect((await pull()).handedOver).toEqual([]);
    expect(counts()).toEqual(before);
    expect(handed).toHaveLength(1);
    expect(shown).toHaveLength(1);
  });

  it('updates the lead the number already has: forward to Booking, never back, the summary on top of the notes', async () => {
    const { app, pull } = await laptopOf(world.a);
    await pull();
    const mine = await ok(app, 'leads.create', {
      name: 'Bu Ratna',
      phone: '0812-0000-0102',
      stageId: 'interest',
      notes: 'Sudah survei ke kantor.',
      campaignCode: 'UMR_APR_2025_PLUS',
    });

    // Asking for a person hands over to Follow-up, which is behind Interest: the lead stays.
    world.model.script.push(
      answer({ reply: 'Baik, saya sambungkan dengan admin.', escalate: true, reason: 'minta admin', summary: 'Minta bicara dengan admin soal jadwal.' }),
    );
    await say(world, world.a, '6281200000102', 'saya mau bicara dengan admin');
    await pull();
    let [lead] = leadsWithPhone(app, '+6281200000102');
    expect(lead).toMatchObject({
      id: mine.id,
      name: 'Bu Ratna',
      stage_id: 'interest',
      campaign_code: 'UMR_APR_2025_PLUS',
      notes: 'Minta bicara dengan admin soal jadwal.\n\nSudah survei ke kantor.',
    });
    const detail = await ok(app, 'leads.get', { id: mine.id });
    expect(detail.activities[0].outcome).toBe('Diserahkan oleh asisten WhatsApp: pelanggan minta bicara dengan orang. Minta bicara dengan admin soal jadwal.');
    expect(detail.history).toHaveLength(1);

    // Handed back, then "cara bayar": Booking is ahead, so the lead moves, with its history.
    const conversationId = (await handoversOf(world, world.a)).find((h) => h.phone === '+6281200000102')!.conversation_id;
    expect(
      (
        await adminCall(
          world.cloud,
          'POST',
          `/api/admin/businesses/${world.a.businessId}/assistant/conversations/${conversationId}/handback`,
          world.session,
          {},
        )
      ).status,
    ).toBe(200);
    world.model.script.push(answer({ reply: 'Admin kami akan membantu pembayaran.', newPhase: 'BOOKING', summary: 'Siap bayar paket April Plus.' }));
    await say(world, world.a, '6281200000102', 'cara bayar gimana kak?');
    const moved = await pull();
    expect(moved.handedOver.map((h) => h.created)).toEqual([false]);
    [lead] = leadsWithPhone(app, '+6281200000102');
    expect(lead).toMatchObject({ id: mine.id, stage_id: 'booking' });
    const history = (await ok(app, 'leads.get', { id: mine.id })).history;
    expect(history[0]).toMatchObject({
      fromStageId: 'interest',
      toStageId: 'booking',
      reason: 'Diserahkan oleh asisten WhatsApp: pelanggan ingin membayar.',
      userName: null,
    });
  });

  it("never brings one shop's handovers to another shop's laptop", async () => {
    await askForDp('6281200000103');
    expect((await handoversOf(world, world.a)).some((h) => h.phone === '+6281200000103')).toBe(true);
    const { app, pull } = await laptopOf(world.b);
    const outcome = await pull();
    expect(outcome.handedOver).toEqual([]);
    expect(rowCount(app, 'leads')).toBe(0);
    expect(await ok(app, 'followUps.list', { who: 'me' })).toMatchObject({ rows: [], overdue: 0, dueToday: 0 });
    // Asked straight, from the start, with B's token: nothing of A's.
    const token = tokenStore(app.services).get() as string;
    const raw = await call(world.cloud, 'GET', '/api/sync/pull?cursor=0&handoverCursor=0', token);
    expect(raw.status).toBe(200);
    expect(raw.body.handovers).toEqual({ cursor: 0, items: [] });
  });

  it('brings more than a page of handovers in one sync, a page per transaction, announced once', async () => {
    const { app, pull, handed } = await laptopOf(world.b);
    const count = PULL_HANDOVERS_PAGE + 5;
    await withAssistant(world.cloud.db, world.b.businessId, async (tx) => {
      for (let i = 0; i < count; i++) {
        const phone = `+62813000002${String(i).padStart(2, '0')}`;
        const conversationId = uuidv7();
        await tx
          .insertInto('assistant_conversations')
          .values({ id: conversationId, business_id: world.b.businessId, phone, chat_id: `${phone.slice(1)}@c.us` })
          .execute();
        await tx
          .insertInto('assistant_handovers')
          .values({
            id: uuidv7(),
            business_id: world.b.businessId,
            conversation_id: conversationId,
            phone,
            stage: 'follow_up',
            reason: 'unknown_question',
            summary: `Pertanyaan ${i}`,
            campaign_code: null,
            trigger_text: null,
          })
          .execute();
      }
    });
    const outcome = await pull();
    expect(outcome.handedOver).toHaveLength(count);
    expect(rowCount(app, 'leads')).toBe(count);
    expect(app.services.sqlite.prepare("SELECT count(*) FROM leads WHERE stage_id = 'follow_up' AND channel_id = 'whatsapp'").pluck().get()).toBe(count);
    // Codes follow on across pages: L-00001 … L-00030, none twice.
    expect(app.services.sqlite.prepare('SELECT max(code) FROM leads').pluck().get()).toBe(`L-000${count}`);
    expect(handed).toHaveLength(1);
    expect(handed[0].fresh).toHaveLength(20);
    expect((await pull()).handedOver).toEqual([]);
  });

  it('sends no handovers to a laptop that does not ask for them (an older version)', async () => {
    const { app } = await laptopOf(world.a);
    const raw = await call(world.cloud, 'GET', '/api/sync/pull?cursor=0', tokenStore(app.services).get() as string);
    expect(raw.status).toBe(200);
    expect(raw.body).not.toHaveProperty('handovers');
  });
});
