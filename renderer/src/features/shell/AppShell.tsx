import { AppBar, Box, Toolbar, Typography } from '@mui/material';
import { FirstDownloadProgress } from '../sync/FirstDownloadProgress';
import { SyncStatusIndicator } from '../sync/SyncStatusIndicator';
import { SessionBanner } from '../session/SessionBanner';
import { UserMenu } from '../session/UserMenu';
import { AppRoutes } from './AppRoutes';
import { DesktopIntegration } from './DesktopIntegration';
import { NavigationList } from './NavigationList';

const NAV_WIDTH = 220;

/** Navigation, the always-visible sync status, and the current screen. */
export function AppShell() {
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            Shortlist
          </Typography>
          <SyncStatusIndicator />
          <UserMenu />
        </Toolbar>
      </AppBar>
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
      <Box component="main" sx={{ flexGrow: 1, p: 3, pt: 10, minWidth: 0 }}>
        <FirstDownloadProgress />
        <SessionBanner />
        <AppRoutes />
        <DesktopIntegration />
      </Box>
    </Box>
  );
}
