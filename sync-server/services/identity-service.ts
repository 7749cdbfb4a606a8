import type { User } from '#shared/domain/user/user-schema';
import type { CouchStore } from '../infra/couch-store';
import type { AccountDirectory } from './account-directory';
import type { IdentityMail } from './identity-mail';
import {
  emailVerificationMessage,
  passwordResetMessage,
  registrationAttemptMessage,
} from './message-templates';
import { FIRST_ORGANISATION_ID, PLATFORM_ORGANISATION_ID } from './organisation-ids';
import type { Organisation, OrganisationDirectory } from './organisations';
import { OneTimeTokens } from './one-time-tokens';
import { ONE_TIME_TOKEN_LENGTH } from './tokens';
import { revokeUserSessions } from './session-service';
import {
  accountStatus,
  createAccount,
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

/** An organisation and its store: where an account, its links and its mails live. */
interface Home {
  readonly organisation: Organisation;
  readonly store: CouchStore;
}

/**
 * The links of the account mails: candidates use their organisation's careers page (`/careers/` for
 * the first one), staff the app's web build.
 */
function accountLinks(base: string, organisation: Organisation, role: User['role']) {
  const careers =
    organisation.id === FIRST_ORGANISATION_ID ? `${base}/careers/` : `${base}/careers/${organisation.slug}/`;
  const isCandidate = role === 'candidate';
  return {
    verify: (token: string) => `${careers}#/verify?token=${token}`,
    reset: (token: string) =>
      isCandidate ? `${careers}#/reset?token=${token}` : `${base}/app/reset-password#token=${token}`,
    signIn: isCandidate ? `${careers}#/signin` : `${base}/app/`,
  };
}

/**
 * A mailed link's token names its organisation: the 43 characters of the token, then the
 * organisation's id (letters and digits, so the link stays one word for every mail program). The
 * first organisation's links are the token alone, as before organisations existed.
 */
function locatedToken(token: string, organisation: Organisation): string {
  return organisation.id === FIRST_ORGANISATION_ID ? token : `${token}${organisation.id}`;
}

/** The token and organisation of a link; null for anything else (a forged suffix is not the first organisation). */
function tokenParts(located: string): { token: string; organisationId: string } | null {
  const suffix = located.slice(ONE_TIME_TOKEN_LENGTH);
  if (suffix !== '' && !/^o[a-z0-9]{1,39}$/.test(suffix)) return null;
  return { token: located.slice(0, ONE_TIME_TOKEN_LENGTH), organisationId: suffix || FIRST_ORGANISATION_ID };
}

/**
 * Portal identity (SPEC §4, §10): registration that never tells whether an address has an account
 * (in any organisation of the deployment), email verification and password reset by mailed
 * single-use links. Every answer is the same whether or not an account exists; the routes add the
 * same minimum time to each.
 */
export class IdentityService {
  constructor(
    private readonly organisations: OrganisationDirectory,
    private readonly accounts: AccountDirectory,
    private readonly mail: IdentityMail,
  ) {}

  private homeOf(organisation: Organisation): Home {
    return { organisation, store: this.organisations.storeOf(organisation) };
  }

  /** The home of the account with `email`, anywhere in the deployment (the operator has none here). */
  private async homeOfEmail(email: string, now: number): Promise<{ home: Home; user: User } | null> {
    const location = await this.accounts.locate(email, now);
    if (!location || location.organisationId === PLATFORM_ORGANISATION_ID) return null;
    const organisation = await this.organisations.byId(location.organisationId);
    if (!organisation) return null;
    const home = this.homeOf(organisation);
    const user = await getUser(home.store, location.userId);
    return user ? { home, user } : null;
  }

  /**
   * A new, unverified candidate account of `organisation`, with a verification link mailed to it.
   * When the address already has an account anywhere in the deployment (staff or candidate), its
   * owner is mailed instead that someone tried, and nothing else changes. The password is hashed
   * either way. Answers whether a mail was queued.
   */
  async register(
    organisation: Organisation,
    input: { email: string; password: string; name: string },
    base: LinkBase,
    now: number,
  ): Promise<boolean> {
    const existing = await this.homeOfEmail(input.email, now);
    if (existing) {
      await hashPassword(input.password);
      const { home, user } = existing;
      if (!base || !user.active) return false;
      const link = accountLinks(base, home.organisation, user.role).signIn;
      const message = registrationAttemptMessage(
        { to: user.email, name: user.name, link },
        this.mail.contextOf(home.organisation),
      );
      await this.mail.send(home.store, message, user.id, now);
      return true;
    }
    const home = this.homeOf(organisation);
    const created = await createAccount(
      home.store,
      { ...input, role: 'candidate' },
      now,
      this.accounts.forOrganisation(organisation.id),
    );
    // Lost to a concurrent registration of the address: that one mails its own link.
    if (!created.ok) return false;
    return this.sendVerification(home, created.value, base, now);
  }

  /** Another verification link for a signed-in, unverified account. */
  async resendVerification(
    organisation: Organisation,
    user: AccountRef,
    base: LinkBase,
    now: number,
  ): Promise<ResendOutcome> {
    const home = this.homeOf(organisation);
    if ((await accountStatus(home.store, user)).emailVerified) return { ok: false, code: 'already_verified' };
    await this.sendVerification(home, user, base, now);
    return { ok: true };
  }

  /**
   * Uses a verification link, for the signed-in account it was mailed for: its address counts as
   * verified from now on. The link alone is not enough: whoever registered someone else's address
   * (and so chose the password) must not have the real owner verify it for them by opening the mail.
   * That owner takes the account over by a password reset instead.
   */
  async verifyEmail(
    organisation: Organisation,
    located: string,
    userId: string,
    now: number,
  ): Promise<LinkOutcome> {
    const parts = tokenParts(located);
    if (parts?.organisationId !== organisation.id) return { ok: false, code: 'invalid_link' };
    const { token } = parts;
    const { store } = this.homeOf(organisation);
    const grant = await OneTimeTokens.of(store).consume('verify-email', token, now, userId);
    const user = grant ? await getUser(store, grant.userId) : null;
    if (!grant || !user || !grant.isFor(user.email)) return { ok: false, code: 'invalid_link' };
    const verified = await markEmailVerified(store, user.id, now);
    if (!verified.ok) return { ok: false, code: 'invalid_link' };
    return { ok: true, user };
  }

  /** Mails a reset link to the account with this address, if there is an active one. */
  async requestPasswordReset(email: string, base: LinkBase, now: number): Promise<boolean> {
    const existing = await this.homeOfEmail(email, now);
    if (!existing?.user.active || existing.home.organisation.suspended || !base) return false;
    const { home, user } = existing;
    const token = locatedToken(
      await OneTimeTokens.of(home.store).issue('password-reset', user, now),
      home.organisation,
    );
    const link = accountLinks(base, home.organisation, user.role).reset(token);
    await this.mail.send(
      home.store,
      passwordResetMessage({ to: user.email, name: user.name, link }, this.mail.contextOf(home.organisation)),
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
  async confirmPasswordReset(located: string, password: string, now: number): Promise<LinkOutcome> {
    const parts = tokenParts(located);
    const organisation = parts ? await this.organisations.byId(parts.organisationId) : null;
    if (!parts) return { ok: false, code: 'invalid_link' };
    const { token } = parts;
    if (!organisation || organisation.suspended) return { ok: false, code: 'invalid_link' };
    const { store } = this.homeOf(organisation);
    const grant = await OneTimeTokens.of(store).consume('password-reset', token, now);
    const user = grant ? await getUser(store, grant.userId) : null;
    if (!grant || !user?.active || !grant.isFor(user.email)) return { ok: false, code: 'invalid_link' };
    if (grant.createdAt < (await accountStatus(store, user)).passwordChangedAt) {
      return { ok: false, code: 'invalid_link' };
    }
    const changed = await setPassword(store, user.id, password, { now, verifiesEmail: true });
    if (!changed.ok) return { ok: false, code: 'invalid_link' };
    await revokeUserSessions(store, user.id, { wipe: false, reason: 'password_reset' }, now);
    return { ok: true, user };
  }

  /** Deletes expired links, in every organisation. */
  async cleanup(now: number): Promise<number> {
    let deleted = 0;
    for (const organisation of await this.organisations.list()) {
      deleted += await OneTimeTokens.of(this.organisations.storeOf(organisation)).cleanup(now);
    }
    return deleted;
  }

  private async sendVerification(
    home: Home,
    user: AccountRef,
    base: LinkBase,
    now: number,
  ): Promise<boolean> {
    if (!base) return false;
    const issued = await OneTimeTokens.of(home.store).issue('verify-email', user, now);
    const link = accountLinks(base, home.organisation, user.role).verify(
      locatedToken(issued, home.organisation),
    );
    await this.mail.send(
      home.store,
      emailVerificationMessage(
        { to: user.email, name: user.name, link },
        this.mail.contextOf(home.organisation),
      ),
      user.id,
      now,
    );
    return true;
  }
}
