import { List, Typography } from '@mui/material';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { hasSubmittedScorecard } from '#shared/domain/decide/read-rules';
import { MyInterviewItem } from './MyInterviewItem';

interface SectionProps {
  readonly title: string;
  readonly empty: string;
  readonly interviews: readonly Interview[];
  readonly describe: (interview: Interview) => { candidateName: string; jobTitle: string };
  readonly userId: string;
  readonly draftIds: ReadonlySet<string>;
}

/** One group of "My interviews", under its heading. */
export function MyInterviewSection({ title, empty, interviews, describe, userId, draftIds }: SectionProps) {
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
              hasSubmitted={hasSubmittedScorecard(interview, userId)}
            />
          ))}
        </List>
      )}
    </section>
  );
}
