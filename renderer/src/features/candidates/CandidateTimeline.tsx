import {
  Box,
  Card,
  CardContent,
  List,
  ListItem,
  ListItemText,
  Link as MuiLink,
  Stack,
  Typography,
} from '@mui/material';
import { Link } from 'react-router';
import type { Application } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Job } from '#shared/domain/job/job-schema';
import type { User } from '#shared/domain/user/user-schema';
import { isMentionable } from '#shared/domain/comment/comment-rules';
import { useActor } from '../../data/hooks/use-database';
import { useCommentsForCandidates } from '../../data/hooks/use-documents';
import { useFormatShort } from '../../ui/use-time-zone';
import { humanize } from '../../ui/labels';
import { buildTimeline, type TimelineEntry, type TimelineMessage } from './candidate-timeline';
import { CommentComposer } from './CommentComposer';
import { CommentItem } from './CommentItem';

interface CandidateTimelineProps {
  readonly candidate: Candidate;
  /** The ids of records merged into this one: their comments belong to this history too. */
  readonly mergedIds: readonly string[];
  readonly applications: readonly Application[];
  readonly interviews: readonly Interview[];
  readonly jobs: ReadonlyMap<string, Job>;
  readonly users: readonly User[];
  readonly personName: (id: string) => string;
  readonly mayComment: boolean;
  /** Messages to and from the candidate: where the `messages` collection joins the feed. */
  readonly messages?: readonly TimelineMessage[];
}

type OtherEntry = Exclude<TimelineEntry, { readonly kind: 'comment' }>;

function describe(
  entry: OtherEntry,
  personName: (id: string) => string,
  formatWhen: (at: string) => string,
): { primary: string; secondary: string } {
  const when = formatWhen(entry.at);
  switch (entry.kind) {
    case 'created':
      return { primary: 'Added as a candidate', secondary: `${when} · ${personName(entry.by)}` };
    case 'stage':
      return {
        primary: entry.from
          ? `${entry.jobTitle}: ${humanize(entry.from)} → ${humanize(entry.to)}`
          : `Applied to ${entry.jobTitle}`,
        secondary: `${when} · ${personName(entry.by)}${entry.note ? ` · ${entry.note}` : ''}`,
      };
    case 'interview':
      return {
        primary: `${humanize(entry.interview.type)} interview for ${entry.jobTitle} (${humanize(entry.interview.status).toLowerCase()})`,
        secondary: `${when} · with ${entry.interview.interviewerIds.map(personName).join(', ')}`,
      };
    case 'scorecard':
      return {
        primary: `${personName(entry.by)} submitted a scorecard: ${entry.rating}/5, ${humanize(entry.recommendation).toLowerCase()}`,
        secondary: `${when} · ${humanize(entry.interview.type)} interview`,
      };
    case 'file':
      return { primary: `Résumé uploaded: ${entry.fileName}`, secondary: when };
    case 'message':
      return {
        primary: `${entry.message.direction === 'outbound' ? 'Message sent' : 'Message received'}: ${entry.message.subject}`,
        secondary: `${when}${entry.message.by ? ` · ${personName(entry.message.by)}` : ''}`,
      };
  }
}

function EntryLink({ entry }: { readonly entry: OtherEntry }) {
  const to =
    entry.kind === 'stage'
      ? `/applications/${entry.applicationId}`
      : entry.kind === 'interview' || entry.kind === 'scorecard'
        ? `/interviews/${entry.interview.id}`
        : null;
  if (!to) return null;
  return (
    <MuiLink component={Link} to={to} variant="body2">
      Open
    </MuiLink>
  );
}

/**
 * The candidate's timeline: one feed, newest first, of stage moves, notes, comments, interviews,
 * scorecards, files and (once they exist) messages, all from the local database, so it reads and
 * takes comments offline.
 */
export function CandidateTimeline(props: CandidateTimelineProps) {
  const { candidate, mergedIds, personName, mayComment } = props;
  // In the person's time zone (theirs, the organisation's, this computer's).
  const formatShort = useFormatShort();
  const actor = useActor();
  const colleagues = props.users.filter((user) => isMentionable(user) && user.id !== actor.id);
  const comments = useCommentsForCandidates([candidate.id, ...mergedIds]) ?? [];
  const timeline = buildTimeline({
    candidate,
    applications: props.applications,
    interviews: props.interviews,
    comments,
    jobs: props.jobs,
    ...(props.messages ? { messages: props.messages } : {}),
  });
  return (
    <Card variant="outlined" component="section" aria-label="Timeline">
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          Timeline
        </Typography>
        {mayComment && <CommentComposer candidateId={candidate.id} users={props.users} />}
        <List aria-label="Timeline entries" dense>
          {timeline.map((entry) => {
            if (entry.kind === 'comment') {
              return (
                <CommentItem
                  key={entry.key}
                  comment={entry.comment}
                  authorName={personName(entry.by)}
                  colleagues={colleagues}
                  isWritable={mayComment}
                />
              );
            }
            const text = describe(entry, personName, (at) => formatShort(at));
            return (
              <ListItem
                key={entry.key}
                disableGutters
                data-kind={entry.kind}
                sx={{ alignItems: 'flex-start' }}
              >
                <ListItemText
                  primary={text.primary}
                  secondary={
                    <Stack component="span" spacing={0.5}>
                      <span>{text.secondary}</span>
                      {entry.kind === 'created' && entry.notes && (
                        <Box component="span" sx={{ color: 'text.primary', whiteSpace: 'pre-wrap' }}>
                          {entry.notes}
                        </Box>
                      )}
                    </Stack>
                  }
                />
                <EntryLink entry={entry} />
              </ListItem>
            );
          })}
        </List>
      </CardContent>
    </Card>
  );
}
