/**
 * What the engine needs from a WhatsApp gateway. WAHA is the first adapter (waha-gateway.ts); the
 * official Cloud API is the second one to write: POST {version}/{phone-number-id}/messages with
 * `type: text|image|document`, the sent id in `messages[0].id`, read + typing in one call
 * (`status: "read"`, `typing_indicator`), so its startTyping is sendSeen's twin and stopTyping a no-op.
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
  const known: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', pdf: 'application/pdf' };
  return (ext && known[ext]) ?? 'application/octet-stream';
}
