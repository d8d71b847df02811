import { type EntityManager } from 'typeorm';
import { newTotpSecret, totpCode } from '../apps/api/src/auth/totp';
import { type PersonalDataProtector } from '../libs/persistence/src';
import { hashPassword } from '../libs/persistence/src/auth';

/** Every demo account's password: demo data only, printed by `npm run demo` and in docs/operations.md. */
export const DEMO_PASSWORD = 'Demo-Passw0rd-2026';

/**
 * Demo accounts log in like everyone else: the demo password and a TOTP secret enrolled at seeding
 * (encrypted like any other), so the seeding itself can register cases as each unit's clerk.
 */
export async function seedDemoCredentials(
  tx: EntityManager,
  userIds: readonly string[],
  protector: PersonalDataProtector,
): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const userId of userIds) {
    await tx.query(
      `INSERT INTO credentials (user_id, password_hash, must_change_password, totp_secret_enc, totp_enrolled_at)
       VALUES ($1, $2, false, $3, now()) ON CONFLICT (user_id) DO NOTHING`,
      [userId, passwordHash, protector.encrypt(newTotpSecret())],
    );
  }
}

/** A demo account's current TOTP secret (base32), for an authenticator app or the seeding's own login. */
export async function demoTotpSecret(
  db: EntityManager,
  userId: string,
  protector: PersonalDataProtector,
): Promise<string> {
  const [row] = await db.query(`SELECT totp_secret_enc FROM credentials WHERE user_id = $1`, [userId]);
  if (!row?.totp_secret_enc) throw new Error(`demo account ${userId} has no TOTP secret`);
  return protector.decrypt(row.totp_secret_enc);
}

/** Logs demo accounts in through the real endpoints, once each, and keeps their tokens for the run. */
export class DemoSessions {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    private readonly apiUrl: string,
    private readonly db: EntityManager,
    private readonly protector: PersonalDataProtector,
  ) {}

  tokenFor(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      token = this.logIn(username);
      this.tokens.set(username, token);
    }
    return token;
  }

  private async logIn(username: string): Promise<string> {
    const login = await this.post('/api/auth/login', { username, password: DEMO_PASSWORD });
    if (login.stage !== 'totp') throw new Error(`demo login of ${username}: ${JSON.stringify(login)}`);
    const secret = await demoTotpSecret(this.db, username, this.protector);
    const done = await this.post('/api/auth/totp', {
      challenge: login.challenge,
      code: totpCode(secret, Date.now()),
    });
    if (!done.accessToken) throw new Error(`demo login of ${username}: ${JSON.stringify(done)}`);
    return done.accessToken;
  }

  private async post(path: string, body: object): Promise<Record<string, string>> {
    const response = await fetch(`${this.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, string>;
  }
}
