'use client';

const KEY = 'ogh-supporter-id';

/** A random id kept in this browser: one support or rating per person without an account. */
export function browserPersonId(): string {
  let id = localStorage.getItem(KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(KEY, id);
  }
  return id;
}
