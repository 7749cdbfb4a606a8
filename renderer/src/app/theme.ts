import { createTheme } from '@mui/material';

export const theme = createTheme({
  palette: { primary: { main: '#3949ab' }, secondary: { main: '#00897b' } },
  shape: { borderRadius: 8 },
});
