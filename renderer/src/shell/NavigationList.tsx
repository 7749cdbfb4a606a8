import DashboardIcon from '@mui/icons-material/Dashboard';
import EventIcon from '@mui/icons-material/Event';
import PeopleIcon from '@mui/icons-material/People';
import ReportIcon from '@mui/icons-material/ReportProblem';
import WorkIcon from '@mui/icons-material/Work';
import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import TuneIcon from '@mui/icons-material/Tune';
import { Badge, List, ListItemButton, ListItemIcon, ListItemText } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useRefusedCount } from '../data/hooks/use-sync-data';
import { useActor } from '../data/hooks/use-database';

interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly icon: ReactNode;
}

/** The main sections; the admin console for admins only. */
export function NavigationList() {
  const { pathname } = useLocation();
  const refusedCount = useRefusedCount();
  const actor = useActor();
  const items: NavItem[] = [
    { to: '/', label: 'Dashboard', icon: <DashboardIcon /> },
    { to: '/my-interviews', label: 'My interviews', icon: <EventIcon /> },
    { to: '/jobs', label: 'Jobs', icon: <WorkIcon /> },
    { to: '/candidates', label: 'Candidates', icon: <PeopleIcon /> },
    {
      to: '/refused',
      label: 'Refused changes',
      icon: (
        <Badge badgeContent={refusedCount} color="error">
          <ReportIcon />
        </Badge>
      ),
    },
    { to: '/preferences', label: 'Preferences', icon: <TuneIcon /> },
    ...(actor.role === 'admin' ? [{ to: '/admin', label: 'Admin', icon: <AdminPanelSettingsIcon /> }] : []),
  ];
  return (
    <List>
      {items.map((item) => {
        const isCurrent = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
        return (
          <ListItemButton
            key={item.to}
            component={Link}
            to={item.to}
            selected={isCurrent}
            aria-current={isCurrent ? 'page' : undefined}
          >
            <ListItemIcon>{item.icon}</ListItemIcon>
            <ListItemText primary={item.label} />
          </ListItemButton>
        );
      })}
    </List>
  );
}
