import {
  Alert,
  Box,
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useFormatShort } from '../../ui/use-time-zone';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { InterviewPlan } from '#shared/domain/job/interview-plan-schema';
import { missingScorecards } from '#shared/domain/interview/scorecard-due';
import { humanize } from '../../ui/labels';
import { RecommendationChip } from '../../ui/ScorecardDetails';
import { buildDebrief } from './debrief-model';

interface DebriefCardProps {
  readonly interviews: readonly Interview[];
  readonly plan: InterviewPlan | undefined;
  readonly personName: (id: string) => string;
  readonly now: number;
}

/** Green for strong ratings, red for weak ones: readable at a glance, the number says it anyway. */
function ratingColour(rating: number): string {
  if (rating >= 4) return 'success.light';
  if (rating <= 2) return 'error.light';
  return 'grey.200';
}

function RatingCell({
  rating,
  note,
}: {
  readonly rating: number | null;
  readonly note?: string | undefined;
}) {
  if (rating === null) {
    return (
      <TableCell align="center" sx={{ color: 'text.disabled' }} aria-label="Not assessed">
        —
      </TableCell>
    );
  }
  return (
    <TableCell align="center" title={note}>
      <Box
        component="span"
        sx={{ px: 1, py: 0.25, borderRadius: 1, bgcolor: ratingColour(rating), fontWeight: 600 }}
      >
        {rating}
      </Box>
      {note && (
        <Typography
          variant="caption"
          component="div"
          sx={{ color: 'text.secondary', maxWidth: 220, mx: 'auto' }}
        >
          {note}
        </Typography>
      )}
    </TableCell>
  );
}

/**
 * The debrief: once scorecards are in, every one side by side per focus attribute, with each
 * interviewer's overall rating and recommendation, and whose scorecards the team still waits for.
 */
export function DebriefCard({ interviews, plan, personName, now }: DebriefCardProps) {
  const formatShort = useFormatShort();
  const debrief = buildDebrief(interviews, plan);
  const waiting = missingScorecards(interviews, now);
  const interviewName = (id: string) => {
    const interview = interviews.find((each) => each.id === id);
    return interview
      ? `${humanize(interview.type)} interview of ${formatShort(interview.scheduledAt, false, false)}`
      : id;
  };
  return (
    <Card variant="outlined" component="section" aria-label="Debrief">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          Debrief
        </Typography>
        {waiting.length > 0 && (
          <Alert
            severity={waiting.some((missing) => missing.state === 'late') ? 'warning' : 'info'}
            sx={{ mb: 2 }}
          >
            Waiting for scorecards:{' '}
            {waiting
              .map(
                (missing) =>
                  `${personName(missing.interviewerId)} (${interviewName(missing.interviewId)}, ${missing.state === 'late' ? 'late' : 'due'})`,
              )
              .join('; ')}
            .
          </Alert>
        )}
        {debrief.columns.length === 0 ? (
          <Typography sx={{ color: 'text.secondary' }}>No scorecards are in yet.</Typography>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label="Scorecards side by side">
              <TableHead>
                <TableRow>
                  <TableCell>Attribute</TableCell>
                  {debrief.columns.map((column) => (
                    <TableCell key={`${column.interviewId}:${column.interviewerId}`} align="center">
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {personName(column.interviewerId)}
                      </Typography>
                      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                        {column.interviewName}
                      </Typography>
                    </TableCell>
                  ))}
                  <TableCell align="center">Average</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {debrief.rows.map((row) => (
                  <TableRow key={row.attributeId}>
                    <TableCell component="th" scope="row">
                      {row.name}
                    </TableCell>
                    {row.cells.map((cell, index) => (
                      <RatingCell key={index} rating={cell?.rating ?? null} note={cell?.note} />
                    ))}
                    <TableCell align="center">{row.average ?? '—'}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
                    Overall rating
                  </TableCell>
                  {debrief.columns.map((column) => (
                    <RatingCell
                      key={`${column.interviewId}:${column.interviewerId}`}
                      rating={column.rating}
                    />
                  ))}
                  <TableCell align="center">{debrief.averageRating ?? '—'}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
                    Recommendation
                  </TableCell>
                  {debrief.columns.map((column) => (
                    <TableCell key={`${column.interviewId}:${column.interviewerId}`} align="center">
                      <RecommendationChip recommendation={column.recommendation} />
                    </TableCell>
                  ))}
                  <TableCell align="center" sx={{ whiteSpace: 'nowrap' }}>
                    {debrief.recommendations.strong_yes + debrief.recommendations.yes} yes ·{' '}
                    {debrief.recommendations.no + debrief.recommendations.strong_no} no
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
