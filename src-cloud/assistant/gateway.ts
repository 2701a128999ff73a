/**
 * What the engine needs from a WhatsApp gateway. Two adapters, chosen per shop by its settings
 * (index.ts `gatewayOf`): WAHA (waha-gateway.ts) and Meta's Cloud API (cloud-api-gateway.ts), whose
 * read + typing is one call on the customer's newest message, so its startTyping is sendSeen's twin
 * and stopTyping a no-op. The chat id is each gateway's own: `628…@c.us` for WAHA, digits for Meta.
 */
export interface Gateway {
  /** Each send answers the id the gateway gave the message (null when it gave none). */
  sendText(chatId: string, text: string): Promise<string | null>;
  sendImage(chatId: string, file: RemoteFile, caption?: string): Promise<string | null>;
  sendFile(chatId: string, file: RemoteFile, caption?: string): Promise<string | null>;
  startTyping(chatId: string): Promise<void>;
  stopTyping(chatId: string): Promise<void>;
  sendSeen(chatId: string): Promise<void>;
}

export interface RemoteFile {
  url: string;
  mimetype: string;
  filename?: string;
}

export class GatewayError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The mimetype a catalogue URL most likely has, from its extension (the gateway requires one). */
export function guessMimetype(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  const known: Record<string, string> = {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    webp: 'image/webp',
    gif: 'image/gif',
    pdf: 'application/pdf',
  };
  return (ext && known[ext]) ?? 'application/octet-stream';
}
