/** Builds dist/cloud-console/ when a console or shared source is newer than it; true when it built. */
export function ensureConsoleBuilt(options?: { quiet?: boolean }): Promise<boolean>;
export const CONSOLE_INDEX: string;
