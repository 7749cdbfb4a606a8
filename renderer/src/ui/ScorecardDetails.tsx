import { Box, Chip, Stack, Typography } from '@mui/material';
import type { Recommendation, Scorecard } from '#shared/domain/interview/interview-schema';
import { humanize } from './labels';

const RECOMMENDATION_COLOURS: Readonly<Record<Recommendation, 'success' | 'error' | 'default'>> = {
  strong_yes: 'success',
  yes: 'success',
  no: 'error',
  strong_no: 'error',
};

/** An interviewer's recommendation as a chip: yes in green, no in red, strong ones filled. */
export function RecommendationChip({ recommendation }: { readonly recommendation: Recommendation }) {
  return (
    <Chip
      size="small"
      color={RECOMMENDATION_COLOURS[recommendation]}
      variant={recommendation.startsWith('strong') ? 'filled' : 'outlined'}
      label={humanize(recommendation)}
    />
  );
}

interface ScorecardDetailsProps {
  readonly card: Scorecard;
  readonly author: string;
  /** The name of an attribute by id (the job's plan); the id when the plan no longer has it. */
  readonly attributeName: (id: string) => string;
  readonly submittedAt: string;
}

/** One submitted scorecard in full: the recommendation, the overall rating, each attribute's rating and evidence, the notes. */
export function ScorecardDetails({ card, author, attributeName, submittedAt }: ScorecardDetailsProps) {
  return (
    <Box component="article" aria-label={`Scorecard by ${author}`} sx={{ py: 1 }}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ fontWeight: 600 }}>{author}</Typography>
        <RecommendationChip recommendation={card.recommendation} />
        <Typography variant="body2">Overall {card.rating}/5</Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {submittedAt}
        </Typography>
      </Stack>
      {(card.attributeRatings ?? []).length > 0 && (
        <Box component="ul" sx={{ my: 0.5, pl: 3 }} aria-label={`Attribute ratings by ${author}`}>
          {(card.attributeRatings ?? []).map((rating) => (
            <Typography component="li" variant="body2" key={rating.attributeId}>
              {attributeName(rating.attributeId)}: <strong>{rating.rating}/5</strong>
              {rating.note ? ` — ${rating.note}` : ''}
            </Typography>
          ))}
        </Box>
      )}
      {card.notes && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {card.notes}
        </Typography>
      )}
    </Box>
  );
}
