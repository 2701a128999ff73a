import { v7 } from 'uuid';

/** UUIDv7: unique across devices (needed for sync) and time-ordered, so inserts stay index-friendly. */
export const newId = (): string => v7();
