import { createTheme } from '@mui/material';

/**
 * The app's look. Every text colour meets WCAG AA (4.5:1) on the surfaces it is used on, the board's
 * grey columns included: secondary text is darker than MUI's default, and the warning colour (the
 * "days in stage" chip, "not yet accepted") is a deep amber rather than MUI's light orange. Keyboard
 * focus on navigation items is a clear outline (`theme.test.ts` checks both).
 */
export const theme = createTheme({
  palette: {
    primary: { main: '#3949ab' },
    secondary: { main: '#00897b' },
    warning: { main: '#b45309', light: '#d97706', dark: '#92400e' },
    error: { main: '#c62828' },
    text: { secondary: 'rgba(0, 0, 0, 0.68)' },
  },
  shape: { borderRadius: 8 },
  components: {
    MuiListItemButton: {
      styleOverrides: {
        root: ({ theme: current }) => ({
          '&.Mui-focusVisible': {
            outline: `3px solid ${current.palette.primary.main}`,
            outlineOffset: -3,
          },
        }),
      },
    },
  },
});
