import { Alert, Autocomplete, Card, CardContent, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { authorizedJson } from '../../data/api-client';
import { NetworkError } from '../../data/session/auth-api';
import type { UserPreferences } from '#shared/domain/user/user-preferences';
import type { User } from '#shared/domain/user/user-schema';
import { ADMIN_PATHS } from '#shared/sync/admin-protocol';
import { PageHeader } from '../../ui/PageHeader';
import { systemTimeZone, useOwnUser, useTimeZone } from '../../ui/use-time-zone';

const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

/** Saves one's own preferences on the server (they come back through the directory's replication). */
export function savePreferences(preferences: UserPreferences): Promise<User> {
  return authorizedJson(ADMIN_PATHS.preferences, {
    method: 'PATCH',
    body: JSON.stringify(preferences),
  });
}

/** A person's own settings: their time zone, and whether they get e-mail notifications. */
export function PreferencesPage() {
  const own = useOwnUser();
  const zone = useTimeZone();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const save = async (preferences: UserPreferences, done: string) => {
    try {
      await savePreferences(preferences);
      setError(null);
      setNotice(done);
    } catch (failure) {
      setNotice(null);
      setError(failure instanceof NetworkError ? 'Changing preferences needs a connection.' : 'The preference was not saved.');
    }
  };
  return (
    <Stack spacing={2} sx={{ maxWidth: 720 }}>
      <PageHeader title="Preferences" />
      {notice && <Alert severity="success">{notice}</Alert>}
      {error && <Alert severity="warning">{error}</Alert>}
      <Card variant="outlined" component="section" aria-label="Time zone">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            Time zone
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }} gutterBottom>
            Times in the app, in your e-mails and in calendar invitations are in this zone (now {zone}; this computer
            says {systemTimeZone()}).
          </Typography>
          <Autocomplete
            options={TIME_ZONES}
            value={own?.timeZone ?? zone}
            disableClearable
            onChange={(_event, timeZone) => void save({ timeZone }, `Times are now shown in ${timeZone}.`)}
            renderInput={(params) => <TextField {...params} label="Your time zone" />}
            sx={{ maxWidth: 360 }}
          />
        </CardContent>
      </Card>
      <Card variant="outlined" component="section" aria-label="E-mail notifications">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            E-mail notifications
          </Typography>
          <FormControlLabel
            control={
              <Switch
                checked={own?.emailNotifications !== false}
                onChange={(event) =>
                  void save(
                    { emailNotifications: event.target.checked },
                    event.target.checked ? 'You get e-mail notifications again.' : 'You get no more e-mail notifications.',
                  )
                }
              />
            }
            label="E-mail me when I am assigned to an interview, or someone applies to a job I recruit for"
          />
        </CardContent>
      </Card>
    </Stack>
  );
}
