import { Inject, Injectable } from '@nestjs/common';
import { type Response } from 'express';
import { DataSource } from 'typeorm';
import {
  clearLoginFailures,
  countLoginFailure,
  enrolTotpSecret,
  findLiveChangePasswordChallenge,
  findLoginAccountById,
  findLoginAccountByUsername,
  hashPassword,
  insertAuthChallenge,
  lockCredentials,
  type LoginAccount,
  type LoginAttemptOutcome,
  type LoginAttemptStage,
  pruneExpiredAuthChallenges,
  recordLoginAttempt,
  recordTotpStepIfLater,
  spendAuthChallenge,
  type SpentAuthChallenge,
  storePasswordHash,
  verifyAgainstDummy,
  verifyPassword,
} from '../../../../libs/persistence/src/auth';
import { PersonalDataProtector } from '../../../../libs/persistence/src/personal-data';
import { ApiError } from '../http/api-error';
import { authError } from './auth-errors';
import { AUTH_SETTINGS, type AuthSettings } from './auth-settings';
import { type LoginProgress, nextLoginStage, totpRequiredFor } from './login-stages';
import { passwordPolicyViolations } from './password-policy';
import { type StaffSession } from './staff-session';
import { RateLimiter } from './rate-limiter.service';
import { type IssuedSession, SessionService } from './sessions.service';
import { hashToken, newOpaqueToken } from './tokens';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

/** What a login step answers: the next step with its challenge, or the session. */
export type LoginStep =
  | { stage: 'totp'; challenge: string; challengeExpiresAt: string }
  | { stage: 'changePassword'; challenge: string; challengeExpiresAt: string }
  | { stage: 'enrol'; challenge: string; challengeExpiresAt: string; otpauthUri: string }
  | IssuedSession;

type AttemptStage = LoginAttemptStage;
type AttemptOutcome = LoginAttemptOutcome;
type Account = LoginAccount;
type ChallengeRow = SpentAuthChallenge;

export interface ClientContext {
  address: string | undefined;
  response?: Response;
}

/**
 * Password, second factor (TOTP), forced password change and TOTP enrolment, each step answered with a
 * single-use challenge for the next one until a session is issued. Every attempt is recorded; failures
 * of password or code count towards the lockout.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly rateLimiter: RateLimiter,
    private readonly protector: PersonalDataProtector,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async login(username: string, password: string, client: ClientContext): Promise<LoginStep> {
    await this.limitRate(client, 'password', username, null);
    const account = await findLoginAccountByUsername(this.db, username);
    if (!account || !account.password_hash || !account.active) {
      await verifyAgainstDummy(password);
      const outcome = !account ? 'unknownUser' : !account.active ? 'inactive' : 'noCredentials';
      await this.record(account?.id ?? null, username, 'password', outcome, client);
      throw authError('INVALID_CREDENTIALS');
    }
    if (account.locked) {
      await this.record(account.id, username, 'password', 'locked', client);
      throw authError('ACCOUNT_LOCKED');
    }
    if (!(await verifyPassword(account.password_hash, password))) {
      await this.record(account.id, username, 'password', 'badPassword', client);
      throw await this.failure(account.id, 'INVALID_CREDENTIALS');
    }
    await this.clearFailures(account.id);
    await this.record(account.id, username, 'password', 'ok', client);
    return this.advance(account, { totpVerified: false }, client);
  }

  async verifyTotpStep(challenge: string, code: string, client: ClientContext): Promise<LoginStep> {
    await this.limitRate(client, 'totp', undefined, null);
    const { account } = await this.takeChallenge(challenge, 'totp', client);
    const secret = this.protector.decrypt(account.totp_secret_enc!);
    const lastStep = account.totp_last_step === null ? null : Number(account.totp_last_step);
    const step = verifyTotp(secret, code, Date.now(), lastStep);
    const recorded = step === null ? 0 : await recordTotpStepIfLater(this.db, account.id, step);
    if (!recorded) {
      await this.record(account.id, account.username, 'totp', 'badCode', client);
      throw await this.failure(account.id, 'INVALID_TOTP_CODE');
    }
    await this.clearFailures(account.id);
    await this.record(account.id, account.username, 'totp', 'ok', client);
    return this.advance(account, { totpVerified: true }, client);
  }

  async enrol(challenge: string, code: string, client: ClientContext): Promise<LoginStep> {
    await this.limitRate(client, 'enrol', undefined, null);
    const { row, account } = await this.takeChallenge(challenge, 'enrol', client);
    const secret = this.protector.decrypt(row.pending_totp_secret_enc!);
    const step = verifyTotp(secret, code, Date.now());
    if (step === null) {
      await this.record(account.id, account.username, 'enrol', 'badCode', client);
      throw await this.failure(account.id, 'INVALID_TOTP_CODE');
    }
    const enrolled = await enrolTotpSecret(this.db, account.id, row.pending_totp_secret_enc, step);
    if (!enrolled) {
      // Enrolled meanwhile through another challenge: this one is stale.
      await this.record(account.id, account.username, 'enrol', 'challengeInvalid', client);
      throw authError('CHALLENGE_INVALID');
    }
    await this.clearFailures(account.id);
    await this.record(account.id, account.username, 'enrol', 'ok', client);
    return this.advance(
      { ...account, totp_secret_enc: row.pending_totp_secret_enc },
      { totpVerified: true },
      client,
    );
  }

  /** The forced password change in the middle of a login. */
  async changePasswordWithChallenge(
    challenge: string,
    newPassword: string,
    client: ClientContext,
  ): Promise<LoginStep> {
    await this.limitRate(client, 'changePassword', undefined, null);
    // Check the rules before spending the challenge, so a rejected password can be corrected.
    const peek = await findLiveChangePasswordChallenge(this.db, hashToken(challenge));
    if (peek) {
      const candidate = await findLoginAccountById(this.db, peek.user_id);
      if (candidate?.password_hash)
        await this.checkPolicy(candidate.username, candidate.password_hash, newPassword);
    }
    const { row, account } = await this.takeChallenge(challenge, 'changePassword', client);
    await this.storePassword(account.id, newPassword);
    await this.record(account.id, account.username, 'changePassword', 'ok', client);
    return this.advance(
      { ...account, must_change_password: false },
      { totpVerified: row.totp_verified },
      client,
    );
  }

  /** A logged-in user's own change: the current password again, then the new one; other sessions end. */
  async changePasswordWithSession(
    session: StaffSession,
    currentPassword: string | undefined,
    newPassword: string,
    client: ClientContext,
  ): Promise<void> {
    await this.limitRate(client, 'changePassword', undefined, session.userId);
    const account = await findLoginAccountById(this.db, session.userId);
    if (!account?.password_hash) throw authError('AUTH_REQUIRED');
    if (account.locked) throw authError('ACCOUNT_LOCKED');
    if (currentPassword === undefined || !(await verifyPassword(account.password_hash, currentPassword))) {
      // A stolen token must not become a way to guess the password: wrong ones count towards the lockout.
      await this.record(account.id, account.username, 'changePassword', 'badPassword', client);
      throw await this.failure(account.id, 'CURRENT_PASSWORD_WRONG');
    }
    await this.checkPolicy(account.username, account.password_hash, newPassword);
    await this.storePassword(account.id, newPassword);
    await this.sessions.revokeOthers(account.id, session.sessionId, 'passwordChanged');
    await this.record(account.id, account.username, 'changePassword', 'ok', client);
  }

  async logout(session: StaffSession): Promise<void> {
    await this.sessions.revoke(session.sessionId, 'logout');
  }

  private async checkPolicy(username: string, currentHash: string, newPassword: string): Promise<void> {
    const fields = passwordPolicyViolations(newPassword, username);
    if (fields.length === 0 && (await verifyPassword(currentHash, newPassword))) {
      fields.push({
        field: 'newPassword',
        code: 'password.unchanged',
        message: '新密码不得与当前密码相同 / must differ from the current password',
      });
    }
    if (fields.length > 0) {
      throw new ApiError(
        'PASSWORD_POLICY',
        '新密码不符合密码规则 / the new password breaks the password rules',
        fields,
      );
    }
  }

  private async storePassword(userId: string, newPassword: string): Promise<void> {
    await storePasswordHash(this.db, userId, await hashPassword(newPassword));
  }

  /** The next step after a successful one: a challenge for it, or the session. */
  private async advance(
    account: Account,
    progress: Pick<LoginProgress, 'totpVerified'>,
    client: ClientContext,
  ): Promise<LoginStep> {
    const stage = nextLoginStage({
      totpRequired: totpRequiredFor(account.roles, this.settings.totpOptionalRoles),
      totpEnrolled: account.totp_secret_enc !== null,
      totpVerified: progress.totpVerified,
      mustChangePassword: account.must_change_password,
    });
    if (stage === 'session') return this.sessions.create(account.id, client.address);
    const secret = stage === 'enrol' ? newTotpSecret() : undefined;
    const { token, hash } = newOpaqueToken();
    const created = await insertAuthChallenge(this.db, {
      tokenHash: hash,
      userId: account.id,
      stage,
      totpVerified: progress.totpVerified,
      pendingTotpSecretEnc: secret ? this.protector.encrypt(secret) : null,
      lifetimeMinutes: this.settings.challengeMinutes,
    });
    if (Math.random() < 0.02) {
      void pruneExpiredAuthChallenges(this.db).catch(() => undefined);
    }
    const challengeExpiresAt = new Date(created.expires_at).toISOString();
    if (stage === 'enrol') {
      return { stage, challenge: token, challengeExpiresAt, otpauthUri: totpUri(secret!, account.username) };
    }
    return { stage, challenge: token, challengeExpiresAt };
  }

  /** Spends a challenge (single use, whatever the outcome) and loads its account, still active and unlocked. */
  private async takeChallenge(
    challenge: string,
    stage: ChallengeRow['stage'],
    client: ClientContext,
  ): Promise<{ row: ChallengeRow; account: Account }> {
    const row = await spendAuthChallenge(this.db, hashToken(challenge));
    const account = row && row.stage === stage ? await findLoginAccountById(this.db, row.user_id) : undefined;
    if (!row || !account) {
      await this.record(row?.user_id ?? null, account?.username ?? '', stage, 'challengeInvalid', client);
      throw authError('CHALLENGE_INVALID');
    }
    if (!row.live) {
      await this.record(account.id, account.username, stage, 'challengeInvalid', client);
      throw authError('CHALLENGE_EXPIRED');
    }
    if (!account.active || !account.password_hash) {
      await this.record(account.id, account.username, stage, 'inactive', client);
      throw authError('INVALID_CREDENTIALS');
    }
    if (account.locked) {
      await this.record(account.id, account.username, stage, 'locked', client);
      throw authError('ACCOUNT_LOCKED');
    }
    return { row, account };
  }

  /** Counts a failure; the one that reaches the threshold locks the account. Returns the error to throw. */
  private async failure(
    userId: string,
    code: 'INVALID_CREDENTIALS' | 'INVALID_TOTP_CODE' | 'CURRENT_PASSWORD_WRONG',
  ): Promise<ApiError> {
    const counted = await countLoginFailure(this.db, userId, this.settings.lockoutWindowMinutes);
    if (counted && counted.failed_count >= this.settings.lockoutThreshold) {
      await lockCredentials(this.db, userId, this.settings.lockoutMinutes);
      return authError('ACCOUNT_LOCKED');
    }
    return authError(code);
  }

  private async clearFailures(userId: string): Promise<void> {
    await clearLoginFailures(this.db, userId);
  }

  /** Per client address for every step; per username too for the password step. */
  private async limitRate(
    client: ClientContext,
    stage: AttemptStage,
    username: string | undefined,
    userId: string | null,
  ): Promise<void> {
    const window = this.settings.loginRateWindowSeconds;
    const rules = [
      {
        key: `login:address:${client.address ?? 'unknown'}`,
        limit: this.settings.loginRateLimitPerAddress,
        windowSeconds: window,
      },
      ...(username === undefined
        ? []
        : [
            {
              key: `login:username:${username.trim().toLowerCase().slice(0, 128)}`,
              limit: this.settings.loginRateLimitPerUsername,
              windowSeconds: window,
            },
          ]),
    ];
    try {
      await this.rateLimiter.consume(rules, client.response);
    } catch (error) {
      await this.record(userId, username ?? '', stage, 'rateLimited', client);
      throw error;
    }
  }

  private async record(
    userId: string | null,
    username: string,
    stage: AttemptStage,
    outcome: AttemptOutcome,
    client: ClientContext,
  ): Promise<void> {
    await recordLoginAttempt(this.db, { userId, username, stage, outcome, clientAddress: client.address });
  }
}
