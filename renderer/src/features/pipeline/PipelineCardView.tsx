import { useDraggable } from '@dnd-kit/core';
import { Box } from '@mui/material';
import { memo } from 'react';
import { humanize } from '../../ui/labels';
import type { PipelineCard } from './pipeline-cards';
import { PipelineCardContent } from './PipelineCardContent';

/** A card on the board: draggable (by pointer or keyboard) when this person may move it somewhere. */
export const PipelineCardView = memo(function PipelineCardView({
  card,
  isMovable,
}: {
  readonly card: PipelineCard;
  readonly isMovable: boolean;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: card.id,
    disabled: !isMovable,
  });
  return (
    <Box
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-label={`${card.name}, ${humanize(card.stage)}${card.isPending ? ', not yet accepted' : ''}`}
      aria-roledescription="application card"
      data-application-id={card.id}
      sx={{
        opacity: isDragging ? 0.35 : 1,
        cursor: isMovable ? 'grab' : 'default',
        borderRadius: 1.5,
        touchAction: 'none',
        outline: 'none',
        '&:focus-visible': { boxShadow: (theme) => `0 0 0 2px ${theme.palette.primary.main}` },
        '&:hover > div': { borderColor: isMovable ? 'primary.light' : undefined },
      }}
    >
      <PipelineCardContent card={card} />
    </Box>
  );
});
