import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { roleMay } from '#shared/domain/access/write-matrix';
import { kitAttributes } from '#shared/domain/job/interview-plan';
import { isJobFinal } from '#shared/domain/job/job-machine';
import type { Job } from '#shared/domain/job/job-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { useActor } from '../../data/hooks/use-database';
import { useLiveDocuments } from '../../data/hooks/use-documents';
import { humanize } from '../../ui/labels';
import { InterviewPlanEditor } from './InterviewPlanEditor';

/** The job's interview plan in short, and its editor for those who may edit the job. */
export function InterviewPlanCard({ job }: { readonly job: Job }) {
  const actor = useActor();
  const [isEditing, setIsEditing] = useState(false);
  const interviews =
    useLiveDocuments<Interview>((db) => db.interviews.find({ selector: { jobId: job.id } }), [job.id]) ?? [];
  const plan = job.interviewPlan;
  const mayEdit = roleMay(actor.role, 'job.edit') && !isJobFinal(job.status);
  return (
    <Card variant="outlined" component="section" aria-label="Interview plan">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="h6" component="h2">
            Interview plan
          </Typography>
          {mayEdit && (
            <Button onClick={() => setIsEditing(true)}>
              {plan ? 'Edit interview plan' : 'Add interview plan'}
            </Button>
          )}
        </Stack>
        {!plan || plan.stages.length === 0 ? (
          <Typography sx={{ color: 'text.secondary' }}>
            No plan yet: interviews are scored overall only. A plan gives each interview a kit with questions
            and the attributes to rate.
          </Typography>
        ) : (
          <Box component="ol" sx={{ pl: 3, my: 1 }} aria-label="Stages">
            {plan.stages.map((stage) => (
              <li key={stage.id}>
                <Typography sx={{ fontWeight: 600 }}>{stage.name}</Typography>
                {stage.kits.map((kit) => (
                  <Stack
                    key={kit.id}
                    direction="row"
                    sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap', my: 0.5 }}
                  >
                    <Typography>
                      {kit.name} · {humanize(kit.type)} · {kit.durationMinutes} min
                    </Typography>
                    {kitAttributes(plan, kit).map((attribute) => (
                      <Chip key={attribute.id} size="small" variant="outlined" label={attribute.name} />
                    ))}
                  </Stack>
                ))}
              </li>
            ))}
          </Box>
        )}
      </CardContent>
      {isEditing && (
        <InterviewPlanEditor job={job} interviews={interviews} onClose={() => setIsEditing(false)} />
      )}
    </Card>
  );
}
