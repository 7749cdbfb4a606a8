import { Box, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { humanize } from '../../ui/labels';
import { RowLink, RowPrimary, RowSecondary } from '../../ui/list-rows';
import { useFormatShort } from '../../ui/use-time-zone';

const ROW_HEIGHT = 56;
/** Rows shown before the list scrolls: a week of a large team's interviews runs into hundreds. */
const VISIBLE_ROWS = 6;
const ROW_SX = { position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, display: 'flex' } as const;

interface InterviewListProps {
  readonly interviews: readonly Interview[];
  readonly candidateName: (id: string) => string;
  readonly jobTitle: (id: string) => string;
  readonly emptyText: string;
}

/**
 * Interviews with who, for what, when and how; each opens its interview page. Virtualised and
 * memoised: the dashboard renders again while documents arrive, and a week of interviews may be
 * hundreds of rows.
 */
export const InterviewList = memo(function InterviewList({
  interviews,
  candidateName,
  jobTitle,
  emptyText,
}: InterviewListProps) {
  const formatShort = useFormatShort();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: interviews.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => interviews[index]?.id ?? index,
    overscan: 3,
  });
  if (interviews.length === 0) return <Typography sx={{ color: 'text.secondary' }}>{emptyText}</Typography>;
  return (
    <>
      {interviews.length > VISIBLE_ROWS && (
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 0.5 }}>
          {interviews.length} interviews
        </Typography>
      )}
      <Box
        ref={scrollRef}
        sx={{ overflow: 'auto', mx: -2 }}
        style={{ height: Math.min(interviews.length, VISIBLE_ROWS + 0.5) * ROW_HEIGHT }}
      >
        <Box role="list" sx={{ position: 'relative' }} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const interview = interviews[row.index];
            if (!interview) return null;
            return (
              <Box
                role="listitem"
                key={interview.id}
                sx={ROW_SX}
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <RowLink to={`/interviews/${interview.id}`}>
                  <RowPrimary>{`${candidateName(interview.candidateId)} · ${jobTitle(interview.jobId)}`}</RowPrimary>
                  <RowSecondary>
                    {`${formatShort(interview.scheduledAt, true, false)} · ${humanize(interview.type)} · ${
                      interview.location ?? interview.meetingUrl ?? 'place to be decided'
                    }`}
                  </RowSecondary>
                </RowLink>
              </Box>
            );
          })}
        </Box>
      </Box>
    </>
  );
});
