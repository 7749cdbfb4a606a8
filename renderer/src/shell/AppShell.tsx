import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import { AppBar, Box, Button, Toolbar, Typography } from '@mui/material';
import { Link, useLocation } from 'react-router';
import { FirstDownloadProgress } from '../features/sync/FirstDownloadProgress';
import { SyncStatusIndicator } from '../features/sync/SyncStatusIndicator';
import { SessionBanner } from '../features/session/SessionBanner';
import { UserMenu } from '../features/session/UserMenu';
import { useCurrentUser, useDb } from '../data/hooks/use-database';
import { usePreloadedCandidateIndex } from '../data/search/candidate-index';
import { AppRoutes } from './AppRoutes';
import { DesktopIntegration } from './DesktopIntegration';
import { TimeZoneFromSystem } from '../features/preferences/TimeZoneFromSystem';
import { NavigationList } from './NavigationList';
import { isPipelineWindow, pipelineWindowHome } from '../ui/window-kind';
import { TimeZoneProvider } from '../ui/TimeZoneProvider';

const NAV_WIDTH = 220;

/** In a pipeline window, away from its board (an application opened from a card): the way back. */
function BackToBoard() {
  const { pathname } = useLocation();
  if (!pipelineWindowHome || pathname === pipelineWindowHome) return null;
  return (
    <Button component={Link} to={pipelineWindowHome} color="inherit" startIcon={<ViewKanbanIcon />}>
      Back to the board
    </Button>
  );
}

/** The signed-in person's organisation (SPEC §10), beside the product's name. */
function OrganisationName() {
  const name = useCurrentUser().organisationName;
  if (!name) return null;
  return (
    <Typography component="span" variant="subtitle1" aria-label="Organisation" sx={{ ml: 1.5, opacity: 0.85 }}>
      {name}
    </Typography>
  );
}

/** Loads the candidate index in the shell's first idle moment (not in a pipeline window, which lists none). */
function CandidateIndexPreload() {
  usePreloadedCandidateIndex(useDb());
  return null;
}

/**
 * Navigation, the always-visible sync status, and the current screen. A desktop pipeline window shows
 * its board alone: the main window has the navigation.
 */
export function AppShell() {
  return (
    <TimeZoneProvider>
      <Box sx={{ display: 'flex', minHeight: '100vh' }}>
        <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
          <Toolbar sx={{ gap: 2 }}>
            <Typography variant="h6" component="div" sx={{ flexGrow: 1 }} noWrap>
              {isPipelineWindow ? 'Shortlist · Pipeline' : 'Shortlist'}
              <OrganisationName />
            </Typography>
            <BackToBoard />
            <SyncStatusIndicator />
            <UserMenu />
          </Toolbar>
        </AppBar>
        {!isPipelineWindow && (
          <Box
            component="nav"
            aria-label="Main"
            sx={{
              width: NAV_WIDTH,
              flexShrink: 0,
              borderRight: 1,
              borderColor: 'divider',
              pt: 9,
              bgcolor: 'grey.50',
            }}
          >
            <NavigationList />
          </Box>
        )}
        <Box component="main" sx={{ flexGrow: 1, p: 3, pt: 10, minWidth: 0 }}>
          <FirstDownloadProgress />
          <SessionBanner />
          <AppRoutes />
          <DesktopIntegration />
          <TimeZoneFromSystem />
          {!isPipelineWindow && <CandidateIndexPreload />}
        </Box>
      </Box>
    </TimeZoneProvider>
  );
}
