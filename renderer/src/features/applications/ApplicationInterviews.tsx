import { Alert, Button, List, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { Application } from '#shared/domain/application/application-schema';
import { isTerminalStage } from '#shared/domain/application/application-machine';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { findKit } from '#shared/domain/job/interview-plan';
import type { Job } from '#shared/domain/job/job-schema';
import { roleMay } from '#shared/domain/access/write-matrix';
import { useActor, useDb } from '../../data/hooks/use-database';
import { useUsers } from '../../data/hooks/use-documents';
import { saveDocument } from '../../data/local-writes';
import { nameOf } from '../../ui/labels';
import { useTimeZone } from '../../ui/use-time-zone';
import { useNow } from '../../ui/use-now';
import { ApplicationInterviewItem } from './ApplicationInterviewItem';
import { ScheduleInterviewDialog } from './ScheduleInterviewDialog';
import { DebriefCard } from './DebriefCard';
import { ScorecardSummaryCard } from './ScorecardSummaryCard';

interface ApplicationInterviewsProps {
  readonly application: Application;
  /** The job applied to (its interview plan names kits and attributes); null while unknown here. */
  readonly job: Job | null;
  readonly interviews: readonly Interview[];
}

/**
 * An application's interviews: schedule, reschedule, cancel, declines, every scorecard, their
 * summary and the debrief.
 */
export function ApplicationInterviews({ application, job, interviews }: ApplicationInterviewsProps) {
  const db = useDb();
  const actor = useActor();
  const users = useUsers() ?? [];
  const directory = new Map(users.map((user) => [user.id, user]));
  const personName = (id: string) => nameOf(directory, id);
  const plan = job?.interviewPlan;
  const attributeName = (id: string) => plan?.attributes.find((attribute) => attribute.id === id)?.name ?? id;
  // The zone the app shows times in (the person's, else the organisation's, else this computer's).
  const timeZone = useTimeZone();
  const now = useNow(60_000);
  const [editing, setEditing] = useState<Interview | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const maySchedule = roleMay(actor.role, 'interview.schedule');

  const cancel = async (interview: Interview) => {
    const decision = await saveDocument(db, actor, 'interviews', interview, {
      ...interview,
      status: 'cancelled',
    });
    setError(decision.ok ? null : decision.message);
  };

  return (
    <Stack spacing={2} component="section" aria-labelledby="interviews-title">
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h6" component="h2" id="interviews-title">
          Interviews
        </Typography>
        {maySchedule && !isTerminalStage(application.stage) && (
          <Button variant="outlined" onClick={() => setEditing('new')}>
            Schedule interview
          </Button>
        )}
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {interviews.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>No interviews.</Typography>
      ) : (
        <List aria-label="Interviews">
          {interviews.map((interview) => (
            <ApplicationInterviewItem
              key={interview.id}
              interview={interview}
              personName={personName}
              attributeName={attributeName}
              kitName={findKit(plan, interview.kitId)?.name ?? null}
              timeZone={timeZone}
              now={now}
              onReschedule={maySchedule ? () => setEditing(interview) : undefined}
              onCancel={maySchedule ? () => void cancel(interview) : undefined}
            />
          ))}
        </List>
      )}
      <ScorecardSummaryCard interviews={interviews} />
      <DebriefCard interviews={interviews} plan={plan} personName={personName} now={now} />
      {editing && (
        <ScheduleInterviewDialog
          application={application}
          plan={plan}
          timeZone={timeZone}
          interview={editing === 'new' ? null : editing}
          users={users}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
