import { badInput, type DomainError } from './errors.js';
/**
 * Changes: the record every write leaves of itself (who, when, what). Their ids sort as they were
 * made, so "newest first" is "greatest id first" on every store.
 */

let lastMillis = 0;
let counter = 0;

/**
 * A new change id, `change:<UTC time to the ms>-<counter>-<random>`, e.g.
 * `change:20261126t042711123z-0000-k3j9x2`: fixed width, so ids compare as their times do; the
 * counter orders changes made in one millisecond (the clock is never allowed to run backwards
 * within a process); the random part keeps ids of two processes apart.
 */
export function newChangeId(now: Date = new Date()): { id: string; at: string } {
  let millis = now.getTime();
  if (millis <= lastMillis) {
    millis = lastMillis;
    counter += 1;
  } else {
    lastMillis = millis;
    counter = 0;
  }
  const at = new Date(millis).toISOString();
  const stamp = at.replace(/[-:.]/g, '').toLowerCase();
  const random = Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return { id: `change:${stamp}-${counter.toString(36).padStart(4, '0')}-${random}`, at };
}

/** `extensions.reason` of a write refused because its idempotency key was used for another request. */
export const IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED';

/** A store's refusal to record a second change under an idempotency key (BAD_USER_INPUT). */
export function idempotencyKeyTaken(key: string): DomainError {
  return badInput(`The idempotency key "${key}" was used by another change already; send a new key for a new request.`, {
    argument: 'idempotencyKey',
    reason: IDEMPOTENCY_KEY_REUSED,
  });
}
