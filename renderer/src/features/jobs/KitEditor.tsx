import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Autocomplete,
  Card,
  CardContent,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { INTERVIEW_TYPES, type InterviewType } from '#shared/domain/interview/interview-schema';
import type { FocusAttribute } from '#shared/domain/job/interview-plan-schema';
import { humanize } from '../../ui/labels';
import type { KitDraft } from './interview-plan-form';

interface KitEditorProps {
  readonly kit: KitDraft;
  readonly attributes: readonly FocusAttribute[];
  /** How many interviews follow this kit now (removing it leaves them without). */
  readonly usedBy: number;
  readonly onChange: (kit: KitDraft) => void;
  readonly onRemove: () => void;
}

/** One interview of the plan: its name, type and length, purpose, questions and focus attributes. */
export function KitEditor({ kit, attributes, usedBy, onChange, onRemove }: KitEditorProps) {
  const set = (patch: Partial<KitDraft>) => onChange({ ...kit, ...patch });
  const chosen = attributes.filter((attribute) => kit.focusAttributeIds.includes(attribute.id));
  return (
    <Card variant="outlined" component="section" aria-label={`Interview ${kit.name || 'without a name'}`}>
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" sx={{ gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <TextField
              label="Interview name"
              value={kit.name}
              onChange={(event) => set({ name: event.target.value })}
              sx={{ flexGrow: 1, minWidth: 220 }}
            />
            <TextField
              select
              label="Type"
              value={kit.type}
              sx={{ minWidth: 160 }}
              onChange={(event) => set({ type: event.target.value as InterviewType })}
            >
              {INTERVIEW_TYPES.map((type) => (
                <MenuItem key={type} value={type}>
                  {humanize(type)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label="Minutes"
              type="number"
              value={kit.durationMinutes}
              sx={{ width: 110 }}
              onChange={(event) => set({ durationMinutes: event.target.value })}
              slotProps={{ htmlInput: { min: 5, max: 480, step: 5 } }}
            />
            <IconButton aria-label={`Remove ${kit.name || 'this interview'}`} onClick={onRemove}>
              <DeleteIcon />
            </IconButton>
          </Stack>
          {usedBy > 0 && (
            <Typography variant="body2" sx={{ color: 'warning.main' }}>
              {usedBy} interview{usedBy === 1 ? ' follows' : 's follow'} this kit: removing it leaves{' '}
              {usedBy === 1 ? 'it' : 'them'} without one.
            </Typography>
          )}
          <TextField
            label="Purpose"
            multiline
            minRows={2}
            value={kit.purpose}
            onChange={(event) => set({ purpose: event.target.value })}
            slotProps={{ htmlInput: { maxLength: 2_000 } }}
          />
          <TextField
            label="Questions"
            helperText="One per line"
            multiline
            minRows={3}
            value={kit.questions}
            onChange={(event) => set({ questions: event.target.value })}
          />
          <Autocomplete
            multiple
            options={[...attributes]}
            value={chosen}
            getOptionLabel={(attribute) => attribute.name || attribute.id}
            isOptionEqualToValue={(option, value) => option.id === value.id}
            onChange={(_event, picked) => set({ focusAttributeIds: picked.map((attribute) => attribute.id) })}
            renderInput={(params) => (
              <TextField {...params} label="Focus attributes" helperText="What the interviewer rates" />
            )}
          />
        </Stack>
      </CardContent>
    </Card>
  );
}
