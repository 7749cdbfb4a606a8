import { Alert, Card, CardContent, FormControlLabel, Stack, Switch, Typography } from '@mui/material';
import { useState } from 'react';
import { NetworkError } from '../../data/session/auth-api';
import type { UserPreferences } from '#shared/domain/user/user-preferences';
import { PageHeader } from '../../ui/PageHeader';
import { TimeZoneField } from '../../ui/TimeZoneField';
import { systemTimeZone, useOwnUser, useTimeZone } from '../../ui/use-time-zone';
import { savePreferences } from './preferences-api';

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
          <TimeZoneField
            label="Your time zone"
            value={own?.timeZone ?? zone}
            onChange={(timeZone) => void save({ timeZone }, `Times are now shown in ${timeZone}.`)}
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
