import { hrefWith } from '../../router';

export interface SendTarget {
  contentId?: string;
  segment?: string;
  channel?: string;
  campaignId?: string;
}

/**
 * The text on a card, edited or not, travels to the send page here, not in the address: a message
 * can be long and hold a customer's details once filled. The page fills its editor from it, not
 * from a library list cached before the variant was generated.
 */
let draft: { contentId: string; subject: string | null; body: string; offer?: string | null } | null = null;

/** Read, not taken: React may run a state initialiser twice; the next openSend replaces it. */
export function draftFor(contentId: string | undefined): { subject: string | null; body: string; offer: string | null } | null {
  return draft && draft.contentId === contentId ? { subject: draft.subject, body: draft.body, offer: draft.offer ?? null } : null;
}

/** `#/content/send?content=…&segment=…&channel=…&campaign=…` */
export function sendHref(target: SendTarget): string {
  return hrefWith({ content: target.contentId, segment: target.segment, channel: target.channel, campaign: target.campaignId }, 'content', 'send');
}

export function openSend(target: SendTarget, edited?: { subject: string | null; body: string; offer?: string | null }): void {
  draft = edited && target.contentId ? { contentId: target.contentId, ...edited } : null;
  window.location.hash = sendHref(target);
}
