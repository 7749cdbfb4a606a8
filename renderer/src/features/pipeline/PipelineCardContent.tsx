import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined';
import EventOutlinedIcon from '@mui/icons-material/EventOutlined';
import { Box, Chip, Link as MuiLink, Stack, Tooltip, Typography } from '@mui/material';
import { memo } from 'react';
import { Link } from 'react-router';
import { humanize } from '../../ui/labels';
import { useFormatShort } from '../../ui/use-time-zone';
import type { PipelineCard } from './pipeline-cards';

/** Height of a card on the board; the columns are virtualised with fixed rows. */
export const CARD_HEIGHT = 118;

function daysText(days: number): string {
  if (days === 0) return 'Today';
  return days === 1 ? '1 day' : `${days} days`;
}

/** What a card shows: who, where they work, how long in this stage, the next interview, the source. */
export const PipelineCardContent = memo(function PipelineCardContent({
  card,
  isOverlay = false,
}: {
  readonly card: PipelineCard;
  readonly isOverlay?: boolean;
}) {
  const formatShort = useFormatShort();
  const isStale = card.daysInStage >= 14 && card.stage !== 'hired' && card.stage !== 'rejected';
  const work = [card.currentTitle, card.currentCompany].filter(Boolean).join(' · ');
  return (
    <Box
      sx={{
        height: CARD_HEIGHT,
        boxSizing: 'border-box',
        p: 1.25,
        borderRadius: 1.5,
        border: 1,
        borderColor: card.isPending ? 'warning.light' : 'divider',
        bgcolor: 'background.paper',
        boxShadow: isOverlay ? 8 : '0 1px 2px rgba(15, 23, 42, 0.06)',
        display: 'flex',
        flexDirection: 'column',
        gap: 0.5,
        overflow: 'hidden',
      }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, minWidth: 0 }}>
        <MuiLink
          component={Link}
          to={`/applications/${card.id}`}
          aria-label={`Open application of ${card.name}`}
          underline="hover"
          color="text.primary"
          // A press on the name may start a drag like anywhere on the card (the sensor waits for
          // the pointer to move); only a click without moving opens the application. The browser's
          // own link dragging would take the gesture away from the board.
          draggable={false}
          onKeyDown={(event) => event.stopPropagation()}
          sx={{ fontWeight: 600, fontSize: 15, minWidth: 0, mr: 'auto' }}
          noWrap
        >
          {card.name}
        </MuiLink>
        {card.isPending && (
          <Tooltip title="Saved on this device; the server has not accepted it yet">
            <Chip
              size="small"
              color="warning"
              variant="outlined"
              icon={<CloudUploadOutlinedIcon />}
              label="Not yet accepted"
              sx={{ height: 20, fontSize: 11, flexShrink: 0 }}
            />
          </Tooltip>
        )}
      </Stack>
      <Typography variant="body2" noWrap sx={{ color: 'text.secondary' }}>
        {work || 'No current company'}
      </Typography>
      <Stack direction="row" sx={{ gap: 0.75, alignItems: 'center', mt: 'auto' }}>
        {card.source && (
          <Chip
            size="small"
            label={humanize(card.source)}
            sx={{ height: 20, fontSize: 11 }}
            aria-label={`Source: ${humanize(card.source)}`}
          />
        )}
        <Chip
          size="small"
          variant="outlined"
          color={isStale ? 'warning' : 'default'}
          label={daysText(card.daysInStage)}
          aria-label={`${daysText(card.daysInStage)} in stage`}
          sx={{ height: 20, fontSize: 11 }}
        />
      </Stack>
      <Stack
        direction="row"
        sx={{
          gap: 0.5,
          alignItems: 'center',
          color: card.nextInterviewAt ? 'primary.main' : 'text.secondary',
        }}
      >
        <EventOutlinedIcon sx={{ fontSize: 15 }} />
        <Typography variant="caption" noWrap>
          {card.nextInterviewAt
            ? `Interview ${formatShort(card.nextInterviewAt, true, false)}`
            : 'No interview scheduled'}
        </Typography>
      </Stack>
    </Box>
  );
});
