import { styled } from '@mui/material/styles';
import { Link } from 'react-router';

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/**
 * The parts of a row in a long list, styled once: a link filling the row, a first line and a
 * quieter second line. MUI's ListItemButton and ListItemText (a button base, its ripple and several
 * nested components per row) cost most of a render where hundreds of rows render often.
 */
export const RowLink = styled(Link)(({ theme }) => ({
  flex: 1,
  minWidth: 0,
  height: '100%',
  padding: theme.spacing(0, 2),
  display: 'flex',
  flexDirection: 'column',
  justifyContent: 'center',
  color: 'inherit',
  textDecoration: 'none',
  borderRadius: theme.shape.borderRadius,
  '&:hover': { backgroundColor: theme.palette.action.hover },
  '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 },
}));

/** The row's first line. */
export const RowPrimary = styled('span')(({ theme }) => ({ ...theme.typography.body1, ...ellipsis }));

/** The row's second line, in secondary text. */
export const RowSecondary = styled('span')(({ theme }) => ({
  ...theme.typography.body2,
  color: theme.palette.text.secondary,
  ...ellipsis,
}));
