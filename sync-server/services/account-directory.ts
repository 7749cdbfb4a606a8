import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import type { CouchStore } from '../infra/couch-store';
import { isTombstone } from '../infra/stored-document';
import { FIRST_ORGANISATION_ID, PLATFORM_ORGANISATION_ID } from './organisation-ids';
import type { OrganisationDirectory } from './organisations';
import { release, reservationOwner, reserve, type OwnerCheck, type ReserveOutcome } from './reservations';
import { findAccountByEmail, type DeploymentClaim } from './user-service';

/** Where an account lives: its organisation (or the platform, for the operator) and its user id. */
export interface AccountLocation {
  readonly organisationId: string;
  readonly userId: string;
}

/** The reservation's owner: `<organisation>:<user>` (neither contains a colon). */
function ownerOf(location: AccountLocation): string {
  return `${location.organisationId}:${location.userId}`;
}

function locationOf(owner: string): AccountLocation | null {
  const [organisationId, userId, ...rest] = owner.split(':');
  return organisationId && userId && rest.length === 0 ? { organisationId, userId } : null;
}

/**
 * Emails are unique per deployment (SPEC §10), and sign-in starts from one: every account's email is
 * reserved in the platform store, naming the organisation that holds the account. The store's 409
 * decides between creations on any instance, in any organisations.
 */
export class AccountDirectory {
  constructor(private readonly organisations: OrganisationDirectory) {}

  /** The store an account location names (the platform's for the operator), or null. */
  async storeOf(organisationId: string): Promise<CouchStore | null> {
    if (organisationId === PLATFORM_ORGANISATION_ID) return this.organisations.platform;
    const organisation = await this.organisations.byId(organisationId);
    return organisation ? this.organisations.storeOf(organisation) : null;
  }

  /** Whether the account a reservation names still has the email (read by id in its own store). */
  private readonly holderCheck: OwnerCheck = async (owner, value) => {
    const location = locationOf(owner);
    const store = location ? await this.storeOf(location.organisationId) : null;
    if (!location || !store) return 'released';
    const doc = await store.get('users', location.userId);
    if (!doc) return 'pending';
    if (isTombstone(doc)) return 'released';
    return doc.serverMeta?.emailKey === normalizeEmail(value) ? 'holds' : 'released';
  };

  /**
   * Reserves `email` for the account at `location` (deployment-wide). An account of the first
   * organisation that has no reservation yet (see `locate`) holds its email all the same.
   */
  async claim(email: string, location: AccountLocation, now: number): Promise<ReserveOutcome> {
    if (location.organisationId !== FIRST_ORGANISATION_ID) {
      const holder = await this.locate(email, now);
      if (holder && ownerOf(holder) !== ownerOf(location)) return { ok: false, heldBy: ownerOf(holder) };
    }
    return this.reserveFor(email, location, now);
  }

  private reserveFor(email: string, location: AccountLocation, now: number): Promise<ReserveOutcome> {
    return reserve(
      this.organisations.platform,
      'deployment-email',
      email,
      ownerOf(location),
      this.holderCheck,
      now,
    );
  }

  /** Gives `email` up (an account anonymised, or its creation failed). */
  release(email: string, location: AccountLocation): Promise<void> {
    return release(this.organisations.platform, 'deployment-email', email, ownerOf(location));
  }

  /** The deployment-wide claims of accounts created in `organisationId`. */
  forOrganisation(organisationId: string): DeploymentClaim {
    return {
      claim: async (email, userId, now) => (await this.claim(email, { organisationId, userId }, now)).ok,
      release: (email, userId) => this.release(email, { organisationId, userId }),
    };
  }

  /**
   * Where the account with `email` lives, or null. Accounts written before organisations existed, or
   * straight into the first organisation's store (the demo, the benchmarks) have no deployment-wide
   * reservation yet: the first organisation is asked, and the reservation made on the spot.
   */
  async locate(email: string, now: number): Promise<AccountLocation | null> {
    const owner = await reservationOwner(this.organisations.platform, 'deployment-email', email);
    const location = owner ? locationOf(owner) : null;
    if (location && (await this.holderCheck(ownerOf(location), email)) === 'holds') return location;
    const first = await this.organisations.first();
    if (!first) return null;
    const user = await findAccountByEmail(this.organisations.storeOf(first), email, now);
    if (!user) return null;
    const found = { organisationId: FIRST_ORGANISATION_ID, userId: user.id };
    return (await this.reserveFor(email, found, now)).ok ? found : null;
  }
}
