import { Link as MuiLink, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { desktopBridge } from '../data/session/desktop-bridge';

/**
 * Where the interview happens: the room, or the meeting link. On the desktop the link opens in the
 * system browser through the bridge; in a browser it is an ordinary link in a new tab.
 */
export function MeetingPlace({
  interview,
}: {
  readonly interview: Pick<Interview, 'location' | 'meetingUrl'>;
}) {
  const { meetingUrl, location } = interview;
  if (meetingUrl) {
    const openOnDesktop = (event: MouseEvent<HTMLAnchorElement>) => {
      const bridge = desktopBridge();
      if (!bridge) return;
      event.preventDefault();
      void bridge.openExternal(meetingUrl);
    };
    return (
      <MuiLink href={meetingUrl} target="_blank" rel="noreferrer" onClick={openOnDesktop}>
        Join meeting
      </MuiLink>
    );
  }
  return (
    <Typography component="span" variant="inherit">
      {location ?? 'Place not set'}
    </Typography>
  );
}
