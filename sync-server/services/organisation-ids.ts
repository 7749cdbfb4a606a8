/** The id of the deployment's first organisation (the one a store of an earlier version becomes). */
export const FIRST_ORGANISATION_ID = 'first';

/** The pseudo-organisation of the deployment's operator: platform accounts, and nothing else. */
export const PLATFORM_ORGANISATION_ID = 'platform';
