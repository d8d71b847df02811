import { Injectable } from '@nestjs/common';
import { type Response } from 'express';
import { DataSource } from 'typeorm';
import { hitRateLimit, pruneRateLimits } from '../../../../libs/persistence/src/auth';
import { authError } from './auth-errors';

export interface RateLimitRule {
  /** What is counted, e.g. `login:address:10.0.0.7`. */
  key: string;
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window rate limits whose counters live in PostgreSQL (`rate_limits`), so every API instance
 * counts against the same limit. Reusable for any endpoint: `await rateLimiter.consume(rule, response)`.
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly db: DataSource) {}

  /** Counts one request; true while within the limit. */
  async hit(rule: RateLimitRule): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const { count, retryAfterSeconds } = await hitRateLimit(this.db, rule.key, rule.windowSeconds);
    if (count === 1 && Math.random() < 0.01) void pruneRateLimits(this.db).catch(() => undefined);
    return { allowed: count <= rule.limit, retryAfterSeconds };
  }

  /** Counts one request under every rule; beyond any limit it answers 429 RATE_LIMITED with Retry-After. */
  async consume(rules: RateLimitRule | RateLimitRule[], response?: Response): Promise<void> {
    for (const rule of Array.isArray(rules) ? rules : [rules]) {
      const { allowed, retryAfterSeconds } = await this.hit(rule);
      if (!allowed) {
        response?.setHeader('Retry-After', String(retryAfterSeconds));
        throw authError('RATE_LIMITED');
      }
    }
  }
}
