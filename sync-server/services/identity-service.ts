import type { User } from '#shared/domain/user/user-schema';
import type { IdentityMail } from './identity-mail';
import {
  emailVerificationMessage,
  passwordResetMessage,
  registrationAttemptMessage,
} from './message-templates';
import type { CouchStore } from '../infra/couch-store';
import type { OneTimeTokens } from './one-time-tokens';
import { revokeUserSessions } from './session-service';
import {
  accountStatus,
  createAccount,
  findAccountByEmail,
  getUser,
  hashPassword,
  markEmailVerified,
  setPassword,
} from './user-service';

/**
 * Where mailed links point: the server's public base URL (`https://jobs.example.com`), or null when
 * none can be trusted for this request (then no link is mailed; see `plugins/link-base.ts`).
 */
export type LinkBase = string | null;

/** The outcome of using a mailed link. */
export type LinkOutcome =
  { readonly ok: true; readonly user: User } | { readonly ok: false; readonly code: 'invalid_link' };

/** The outcome of asking for another verification link. */
export type ResendOutcome = { readonly ok: true } | { readonly ok: false; readonly code: 'already_verified' };

/** The account a mail is about. */
type AccountRef = Pick<User, 'id' | 'email' | 'name' | 'role'>;

/** The links of the account mails: candidates use the careers page, staff the app's web build. */
function accountLinks(base: string, role: User['role']) {
  const isCandidate = role === 'candidate';
  return {
    verify: (token: string) => `${base}/careers/#/verify?token=${token}`,
    reset: (token: string) =>
      isCandidate ? `${base}/careers/#/reset?token=${token}` : `${base}/app/reset-password#token=${token}`,
    signIn: isCandidate ? `${base}/careers/#/signin` : `${base}/app/`,
  };
}

/**
 * Portal identity (SPEC §4): registration that never tells whether an address has an account, email
 * verification and password reset by mailed single-use links. Every answer is the same whether or not
 * an account exists; the routes add the same minimum time to each.
 */
export class IdentityService {
  constructor(
    private readonly store: CouchStore,
    private readonly tokens: OneTimeTokens,
    private readonly mail: IdentityMail,
  ) {}

  /**
   * A new, unverified candidate account, with a verification link mailed to it. When the address
   * already has an account (staff or candidate), its owner is mailed instead that someone tried, and
   * nothing else changes. The password is hashed either way. Answers whether a mail was queued.
   */
  async register(
    input: { email: string; password: string; name: string },
    base: LinkBase,
    now: number,
  ): Promise<boolean> {
    const existing = await findAccountByEmail(this.store, input.email, now);
    if (existing) {
      await hashPassword(input.password);
      if (!base || !existing.active) return false;
      const link = accountLinks(base, existing.role).signIn;
      const message = registrationAttemptMessage(
        { to: existing.email, name: existing.name, link },
        this.mail.context,
      );
      await this.mail.send(message, existing.id, now);
      return true;
    }
    const created = await createAccount(this.store, { ...input, role: 'candidate' }, now);
    // Lost to a concurrent registration of the address: that one mails its own link.
    if (!created.ok) return false;
    return this.sendVerification(created.value, base, now);
  }

  /** Another verification link for a signed-in, unverified account. */
  async resendVerification(user: AccountRef, base: LinkBase, now: number): Promise<ResendOutcome> {
    if ((await accountStatus(this.store, user)).emailVerified) return { ok: false, code: 'already_verified' };
    await this.sendVerification(user, base, now);
    return { ok: true };
  }

  /**
   * Uses a verification link, for the signed-in account it was mailed for: its address counts as
   * verified from now on. The link alone is not enough: whoever registered someone else's address
   * (and so chose the password) must not have the real owner verify it for them by opening the mail.
   * That owner takes the account over by a password reset instead.
   */
  async verifyEmail(token: string, userId: string, now: number): Promise<LinkOutcome> {
    const grant = await this.tokens.consume('verify-email', token, now, userId);
    const user = grant ? await getUser(this.store, grant.userId) : null;
    if (!grant || !user || !grant.isFor(user.email)) return { ok: false, code: 'invalid_link' };
    const verified = await markEmailVerified(this.store, user.id, now);
    if (!verified.ok) return { ok: false, code: 'invalid_link' };
    return { ok: true, user };
  }

  /** Mails a reset link to the account with this address, if there is an active one. */
  async requestPasswordReset(email: string, base: LinkBase, now: number): Promise<boolean> {
    const user = await findAccountByEmail(this.store, email, now);
    if (!user?.active || !base) return false;
    const token = await this.tokens.issue('password-reset', user, now);
    const link = accountLinks(base, user.role).reset(token);
    await this.mail.send(
      passwordResetMessage({ to: user.email, name: user.name, link }, this.mail.context),
      user.id,
      now,
    );
    return true;
  }

  /**
   * Uses a reset link: sets the password and ends every session of the account. A link issued before
   * the password last changed is void. Opening the mailed link proves the address, so a candidate's
   * address counts as verified too.
   */
  async confirmPasswordReset(token: string, password: string, now: number): Promise<LinkOutcome> {
    const grant = await this.tokens.consume('password-reset', token, now);
    const user = grant ? await getUser(this.store, grant.userId) : null;
    if (!grant || !user?.active || !grant.isFor(user.email)) return { ok: false, code: 'invalid_link' };
    if (grant.createdAt < (await accountStatus(this.store, user)).passwordChangedAt) {
      return { ok: false, code: 'invalid_link' };
    }
    const changed = await setPassword(this.store, user.id, password, { now, verifiesEmail: true });
    if (!changed.ok) return { ok: false, code: 'invalid_link' };
    await revokeUserSessions(this.store, user.id, { wipe: false, reason: 'password_reset' }, now);
    return { ok: true, user };
  }

  /** Deletes expired links. */
  cleanup(now: number): Promise<number> {
    return this.tokens.cleanup(now);
  }

  private async sendVerification(user: AccountRef, base: LinkBase, now: number): Promise<boolean> {
    if (!base) return false;
    const token = await this.tokens.issue('verify-email', user, now);
    const link = accountLinks(base, user.role).verify(token);
    await this.mail.send(
      emailVerificationMessage({ to: user.email, name: user.name, link }, this.mail.context),
      user.id,
      now,
    );
    return true;
  }
}
