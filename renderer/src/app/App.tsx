import { CssBaseline, ThemeProvider } from '@mui/material';
import type { ReactNode } from 'react';
import { BrowserRouter, HashRouter } from 'react-router';
import { SessionGate } from '../shell/SessionGate';
import { theme } from './theme';

/** The browser build lives under an absolute base (`/app/`); the desktop build uses hash routes. */
function Router({ children }: { children: ReactNode }) {
  const base = import.meta.env.BASE_URL;
  if (base.startsWith('/'))
    return <BrowserRouter basename={base.replace(/\/$/, '')}>{children}</BrowserRouter>;
  return <HashRouter>{children}</HashRouter>;
}

/** The renderer's root: theme, router, then the session decides what shows. */
export function App() {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Router>
        <SessionGate />
      </Router>
    </ThemeProvider>
  );
}
