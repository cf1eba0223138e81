/** Declared access of the notifications routes ("METHOD /path": access). */
export const NOTIFICATIONS_ACCESS: Record<string, string> = {};
