import type { User } from '#shared/domain/user/user-schema';
import type { AccountDirectory } from '../../services/account-directory';
import { PLATFORM_ORGANISATION_ID } from '../../services/organisation-ids';
import type { Organisation, OrganisationDirectory } from '../../services/organisations';
import { fail, succeed, type Outcome } from '../../services/outcome';
import {
  createAccount,
  getUser,
  patchUser,
  setPassword,
  verifyCredentials,
} from '../../services/user-service';

/** Slugs a careers page or portal path could not tell from its own paths. */
const RESERVED_SLUGS = new Set([
  'api',
  'app',
  'applications',
  'assets',
  'careers',
  'jobs',
  'organisation',
  'platform',
]);

/** What the operator asks for to create an organisation (SPEC §10). */
export interface NewOrganisation {
  readonly name: string;
  readonly slug: string;
  readonly admin: { readonly email: string; readonly name: string; readonly password: string };
}

/**
 * Creates an organisation and its first admin. The address is checked deployment-wide first; an
 * organisation whose admin could not be created after all (the address taken at the same moment) is
 * discarded again, so a failed creation leaves no organisation behind.
 */
export async function createOrganisation(
  organisations: OrganisationDirectory,
  accounts: AccountDirectory,
  input: NewOrganisation,
  now: number,
): Promise<Outcome<{ organisation: Organisation; admin: User }>> {
  if (RESERVED_SLUGS.has(input.slug)) {
    return fail('conflict', 'slug_taken', `The slug "${input.slug}" is reserved; choose another.`);
  }
  const emailTaken = fail('conflict', 'email_taken', 'An account with this email already exists.');
  if (await accounts.locate(input.admin.email, now)) return emailTaken;
  const created = await organisations.create({ slug: input.slug, name: input.name.trim() }, now);
  if (!created.ok) return created;
  const organisation = created.value;
  const admin = await createAccount(
    organisations.storeOf(organisation),
    { ...input.admin, role: 'admin' },
    now,
    accounts.forOrganisation(organisation.id),
  ).catch(async (error: unknown) => {
    await organisations.discard(organisation.id);
    throw error;
  });
  if (!admin.ok) {
    await organisations.discard(organisation.id);
    return emailTaken;
  }
  return succeed({ organisation, admin: admin.value });
}

/**
 * The deployment's operator (SPEC §10), as configured: created on the first start, and on later
 * ones given the configured password again (and made active), so the configuration is the truth.
 */
export async function ensureOperator(
  organisations: OrganisationDirectory,
  accounts: AccountDirectory,
  operator: { readonly email: string; readonly password: string },
  now: number,
): Promise<Outcome<User>> {
  const store = organisations.platform;
  const location = await accounts.locate(operator.email, now);
  if (location && location.organisationId !== PLATFORM_ORGANISATION_ID) {
    return fail(
      'conflict',
      'email_taken',
      `SHORTLIST_OPERATOR_EMAIL ${operator.email} is an account of an organisation already; choose another address.`,
    );
  }
  const existing = location ? await getUser(store, location.userId) : null;
  if (!existing) {
    return createAccount(
      store,
      { email: operator.email, name: 'Operator', role: 'operator', password: operator.password },
      now,
      accounts.forOrganisation(PLATFORM_ORGANISATION_ID),
    );
  }
  if (!(await verifyCredentials(store, operator.email, operator.password, now))) {
    const changed = await setPassword(store, existing.id, operator.password, { now });
    if (!changed.ok) return changed;
  }
  return existing.active ? succeed(existing) : patchUser(store, existing.id, { active: true }, now);
}
