import { OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  start: number;
  hits: number;
  blockedUntil: number;
}

/**
 * Fixed-window rate-limit counters: O(1) per request. The library's default
 * storage keeps one timestamp per hit and filters the list on every request,
 * so one busy client (a gateway, an office behind NAT) slows every request
 * down; at a few thousand hits a minute it dominated the submission path.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const now = Date.now();
    const id = `${throttlerName}:${key}`;
    let w = this.windows.get(id);
    if (!w || now - w.start >= ttl) {
      w = { start: now, hits: 0, blockedUntil: w && w.blockedUntil > now ? w.blockedUntil : 0 };
      this.windows.set(id, w);
    }
    const alreadyBlocked = w.blockedUntil > now;
    if (!alreadyBlocked) w.hits++;
    const over = w.hits > limit;
    if (over && !alreadyBlocked && blockDuration > 0) w.blockedUntil = now + blockDuration;
    const isBlocked = alreadyBlocked || over;
    const blockEnds = w.blockedUntil > now ? w.blockedUntil : w.start + ttl;
    return {
      totalHits: w.hits,
      timeToExpire: Math.max(0, Math.ceil((w.start + ttl - now) / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.max(1, Math.ceil((blockEnds - now) / 1000)) : 0,
    };
  }

  private sweep(): void {
    const now = Date.now();
    // A window older than an hour is over for any TTL this API uses.
    for (const [id, w] of this.windows) if (w.blockedUntil < now && now - w.start > 3_600_000) this.windows.delete(id);
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }
}
