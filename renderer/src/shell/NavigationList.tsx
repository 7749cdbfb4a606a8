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
  /** Whether interviewers see it: the dashboard, jobs and candidates are the hiring team's, not an interviewer's slice of them. */
  readonly forInterviewers: boolean;
}

/** The main sections (for interviewers: their interviews, refused changes and preferences); the admin console for admins only. */
export function NavigationList() {
  const { pathname } = useLocation();
  const refusedCount = useRefusedCount();
  const actor = useActor();
  const isInterviewer = actor.role === 'interviewer';
  const allItems: NavItem[] = [
    { to: '/', label: 'Dashboard', icon: <DashboardIcon />, forInterviewers: false },
    { to: '/my-interviews', label: 'My interviews', icon: <EventIcon />, forInterviewers: true },
    { to: '/jobs', label: 'Jobs', icon: <WorkIcon />, forInterviewers: false },
    { to: '/candidates', label: 'Candidates', icon: <PeopleIcon />, forInterviewers: false },
    {
      to: '/refused',
      label: 'Refused changes',
      icon: (
        <Badge badgeContent={refusedCount} color="error">
          <ReportIcon />
        </Badge>
      ),
      forInterviewers: true,
    },
    { to: '/preferences', label: 'Preferences', icon: <TuneIcon />, forInterviewers: true },
    ...(actor.role === 'admin'
      ? [{ to: '/admin', label: 'Admin', icon: <AdminPanelSettingsIcon />, forInterviewers: false }]
      : []),
  ];
  const items = isInterviewer ? allItems.filter((item) => item.forInterviewers) : allItems;
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
