import { List, Typography } from '@mui/material';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { currentDecline } from '#shared/domain/interview/decline-rules';
import { scorecardState } from '#shared/domain/interview/scorecard-due';
import { MyInterviewItem } from './MyInterviewItem';

interface SectionProps {
  readonly title: string;
  readonly empty: string;
  readonly interviews: readonly Interview[];
  readonly describe: (interview: Interview) => { candidateName: string; jobTitle: string };
  readonly userId: string;
  readonly draftIds: ReadonlySet<string>;
  readonly now: number;
}

/** One group of "My interviews", under its heading. */
export function MyInterviewSection({
  title,
  empty,
  interviews,
  describe,
  userId,
  draftIds,
  now,
}: SectionProps) {
  const headingId = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={headingId}>
      <Typography variant="h6" component="h2" id={headingId}>
        {title}
      </Typography>
      {interviews.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>{empty}</Typography>
      ) : (
        <List aria-label={title}>
          {interviews.map((interview) => (
            <MyInterviewItem
              key={interview.id}
              interview={interview}
              {...describe(interview)}
              hasDraft={draftIds.has(interview.id)}
              scorecard={scorecardState(interview, userId, now)}
              hasDeclined={currentDecline(interview, userId) !== null}
            />
          ))}
        </List>
      )}
    </section>
  );
}
