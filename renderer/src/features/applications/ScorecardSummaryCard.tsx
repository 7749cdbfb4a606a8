import { Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { RECOMMENDATIONS, type Interview } from '#shared/domain/interview/interview-schema';
import { humanize } from '../../ui/labels';
import { summarizeScorecards } from './scorecard-summary';

/** Every scorecard of an application in short: how many, average rating, recommendations tally. */
export function ScorecardSummaryCard({ interviews }: { readonly interviews: readonly Interview[] }) {
  const summary = summarizeScorecards(interviews);
  return (
    <Card variant="outlined" component="section" aria-label="Scorecard summary">
      <CardContent>
        <Typography variant="h6" component="h2">
          Scorecards
        </Typography>
        {summary.count === 0 ? (
          <Typography sx={{ color: 'text.secondary' }}>No scorecards yet.</Typography>
        ) : (
          <>
            <Typography>
              {summary.count} scorecard{summary.count === 1 ? '' : 's'} · average rating{' '}
              {summary.averageRating}/5
            </Typography>
            <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', mt: 1 }} aria-label="Recommendations">
              {RECOMMENDATIONS.map((value) => (
                <Chip
                  key={value}
                  size="small"
                  label={`${humanize(value)}: ${summary.recommendations[value]}`}
                />
              ))}
            </Stack>
          </>
        )}
      </CardContent>
    </Card>
  );
}
