import { authorizedJson } from '../../data/api-client';
import type { UserPreferences } from '#shared/domain/user/user-preferences';
import type { User } from '#shared/domain/user/user-schema';
import { ADMIN_PATHS } from '#shared/sync/admin-protocol';

/** Saves one's own preferences on the server (they come back through the directory's replication). */
export function savePreferences(preferences: UserPreferences): Promise<User> {
  return authorizedJson(ADMIN_PATHS.preferences, {
    method: 'PATCH',
    body: JSON.stringify(preferences),
  });
}
