import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Job } from '#shared/domain/job/job-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import { saveDocument } from '../../data/local-writes';
import { DiscardChangesDialog } from '../../ui/DiscardChangesDialog';
import { plainMessage } from '../../ui/plain-message';
import {
  fromPlanDraft,
  idFromName,
  idsOf,
  isPlanChanged,
  starterPlan,
  toPlanDraft,
  type KitDraft,
  type PlanDraft,
  type StageDraft,
} from './interview-plan-form';
import { KitEditor } from './KitEditor';

interface InterviewPlanEditorProps {
  readonly job: Job;
  /** The job's interviews, to say which kits are in use. */
  readonly interviews: readonly Interview[];
  readonly onClose: () => void;
}

/** Edits the job's interview plan: the attributes it assesses, its stages and their interview kits. */
export function InterviewPlanEditor({ job, interviews, onClose }: InterviewPlanEditorProps) {
  const db = useDb();
  const actor = useActor();
  const [original] = useState(() => toPlanDraft(job.interviewPlan));
  const [draft, setDraft] = useState<PlanDraft>(original);
  const [error, setError] = useState<string | null>(null);
  const [isConfirmingDiscard, setIsConfirmingDiscard] = useState(false);
  const usedBy = (kitId: string) => interviews.filter((interview) => interview.kitId === kitId).length;

  const close = () => (isPlanChanged(draft, original) ? setIsConfirmingDiscard(true) : onClose());
  const setStage = (index: number, stage: StageDraft) =>
    setDraft({ ...draft, stages: draft.stages.map((each, at) => (at === index ? stage : each)) });
  const newKit = (stageName: string): KitDraft => ({
    id: idFromName(stageName, 'kit-', idsOf(draft)),
    name: '',
    type: 'technical',
    durationMinutes: '60',
    purpose: '',
    questions: '',
    focusAttributeIds: [],
  });

  const save = async () => {
    const result = fromPlanDraft(draft);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const hasPlan = result.plan.attributes.length > 0 || result.plan.stages.length > 0;
    const { interviewPlan: _previous, ...withoutPlan } = job;
    const after: Job = hasPlan ? { ...withoutPlan, interviewPlan: result.plan } : withoutPlan;
    const decision = await saveDocument(db, actor, 'jobs', job, after);
    if (!decision.ok) {
      setError(plainMessage(decision.message, { interviewPlan: 'Interview plan' }));
      return;
    }
    onClose();
  };

  return (
    <Dialog open onClose={close} aria-labelledby="plan-title" fullWidth maxWidth="md">
      <DialogTitle id="plan-title">Interview plan: {job.title}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={3}>
          {draft.stages.length === 0 && draft.attributes.length === 0 && (
            <Alert
              severity="info"
              action={
                <Button color="inherit" onClick={() => setDraft(starterPlan())}>
                  Start from a template
                </Button>
              }
            >
              A plan says what the team assesses and in which interview, so every interviewer rates the same
              things.
            </Alert>
          )}
          <Stack spacing={1} component="section" aria-labelledby="attributes-title">
            <Typography variant="h6" component="h3" id="attributes-title">
              What the team assesses
            </Typography>
            {draft.attributes.map((attribute, index) => (
              <Stack direction="row" key={attribute.id} sx={{ gap: 1, alignItems: 'flex-start' }}>
                <TextField
                  label="Attribute"
                  value={attribute.name}
                  sx={{ minWidth: 220 }}
                  onChange={(event) =>
                    setDraft({
                      ...draft,
                      attributes: draft.attributes.map((each, at) =>
                        at === index ? { ...each, name: event.target.value } : each,
                      ),
                    })
                  }
                />
                <TextField
                  label="What good looks like"
                  value={attribute.description ?? ''}
                  sx={{ flexGrow: 1 }}
                  onChange={(event) =>
                    setDraft({
                      ...draft,
                      attributes: draft.attributes.map((each, at) =>
                        at === index ? { ...each, description: event.target.value } : each,
                      ),
                    })
                  }
                />
                <IconButton
                  aria-label={`Remove ${attribute.name || 'this attribute'}`}
                  onClick={() =>
                    setDraft({ ...draft, attributes: draft.attributes.filter((_each, at) => at !== index) })
                  }
                >
                  <DeleteIcon />
                </IconButton>
              </Stack>
            ))}
            <Button
              startIcon={<AddIcon />}
              sx={{ alignSelf: 'flex-start' }}
              onClick={() =>
                setDraft({
                  ...draft,
                  attributes: [
                    ...draft.attributes,
                    { id: idFromName('attribute', '', idsOf(draft)), name: '' },
                  ],
                })
              }
            >
              Add attribute
            </Button>
          </Stack>
          {draft.stages.map((stage, index) => (
            <Stack
              spacing={1}
              key={stage.id}
              component="section"
              aria-label={`Stage ${stage.name || index + 1}`}
            >
              <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
                <TextField
                  label="Stage"
                  value={stage.name}
                  onChange={(event) => setStage(index, { ...stage, name: event.target.value })}
                />
                <IconButton
                  aria-label={`Remove stage ${stage.name || index + 1}`}
                  onClick={() =>
                    setDraft({ ...draft, stages: draft.stages.filter((_each, at) => at !== index) })
                  }
                >
                  <DeleteIcon />
                </IconButton>
              </Stack>
              {stage.kits.map((kit, kitIndex) => (
                <KitEditor
                  key={kit.id}
                  kit={kit}
                  attributes={draft.attributes}
                  usedBy={usedBy(kit.id)}
                  onChange={(next) =>
                    setStage(index, {
                      ...stage,
                      kits: stage.kits.map((each, at) => (at === kitIndex ? next : each)),
                    })
                  }
                  onRemove={() =>
                    setStage(index, { ...stage, kits: stage.kits.filter((_each, at) => at !== kitIndex) })
                  }
                />
              ))}
              <Button
                startIcon={<AddIcon />}
                sx={{ alignSelf: 'flex-start' }}
                onClick={() =>
                  setStage(index, { ...stage, kits: [...stage.kits, newKit(stage.name || 'interview')] })
                }
              >
                Add interview
              </Button>
            </Stack>
          ))}
          <Button
            variant="outlined"
            startIcon={<AddIcon />}
            sx={{ alignSelf: 'flex-start' }}
            onClick={() =>
              setDraft({
                ...draft,
                stages: [...draft.stages, { id: idFromName('stage', '', idsOf(draft)), name: '', kits: [] }],
              })
            }
          >
            Add stage
          </Button>
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()}>
          Save plan
        </Button>
      </DialogActions>
      {isConfirmingDiscard && (
        <DiscardChangesDialog
          title="Discard the changes to the plan?"
          onKeep={() => setIsConfirmingDiscard(false)}
          onDiscard={onClose}
        />
      )}
    </Dialog>
  );
}
