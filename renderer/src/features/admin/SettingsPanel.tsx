import {
  Alert,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  IconButton,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useState } from 'react';
import { COMPOSED_MESSAGE_KINDS, MESSAGE_KINDS, type MessageKind } from '#shared/domain/message/message-schema';
import { DEFAULT_MESSAGE_TEMPLATES, MESSAGE_KIND_LABELS } from '#shared/domain/message/message-templates';
import type { Settings } from '#shared/domain/settings/settings-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import { useSettings } from '../../data/hooks/use-documents';
import { saveDocument } from '../../data/local-writes';
import { PendingChip } from '../../ui/PendingChip';
import { TimeZoneField } from '../../ui/TimeZoneField';
import { formToSettings, reasonId, settingsToForm, type SettingsForm } from './settings-form';
import { TemplateEditor } from './TemplateEditor';

/** The form over the settings document as it is now. */
function SettingsEditor({ settings }: { readonly settings: Settings }) {
  const db = useDb();
  const actor = useActor();
  const [form, setForm] = useState<SettingsForm>(() => settingsToForm(settings));
  const [kind, setKind] = useState<MessageKind>('rejection');
  const [newReason, setNewReason] = useState('');
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async () => {
    // Judged by decideSettingsWrite, then replicated: the server judges it again.
    const decision = await saveDocument(db, actor, 'settings', settings, formToSettings(settings, form));
    setFeedback(
      decision.ok
        ? { ok: true, text: 'Saved. Every laptop gets the new settings with its next sync.' }
        : { ok: false, text: decision.message },
    );
  };
  const addReason = () => {
    const label = newReason.trim();
    if (!label) return;
    const id = reasonId(label, form.rejectionReasons.map((reason) => reason.id));
    setForm({ ...form, rejectionReasons: [...form.rejectionReasons, { id, label }] });
    setNewReason('');
  };
  return (
    <Stack spacing={3}>
      <Card variant="outlined" component="section" aria-label="Rejection reasons">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            Rejection reasons
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }} gutterBottom>
            A rejection names one of these, so reports can count them. A reason once used is retired, never removed.
          </Typography>
          <Stack spacing={1}>
            {form.rejectionReasons.map((reason, index) => (
              <Stack key={reason.id} direction="row" sx={{ gap: 1, alignItems: 'center' }}>
                <TextField
                  size="small"
                  label="Reason"
                  value={reason.label}
                  sx={{ flexGrow: 1 }}
                  disabled={reason.retired === true}
                  onChange={(event) => {
                    const rejectionReasons = [...form.rejectionReasons];
                    rejectionReasons[index] = { ...reason, label: event.target.value };
                    setForm({ ...form, rejectionReasons });
                  }}
                />
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={reason.retired === true}
                      onChange={(event) => {
                        const rejectionReasons = [...form.rejectionReasons];
                        const { retired: _retired, ...kept } = reason;
                        rejectionReasons[index] = event.target.checked ? { ...kept, retired: true } : kept;
                        setForm({ ...form, rejectionReasons });
                      }}
                    />
                  }
                  label="Retired"
                />
              </Stack>
            ))}
            <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
              <TextField
                size="small"
                label="New reason"
                value={newReason}
                sx={{ flexGrow: 1 }}
                onChange={(event) => setNewReason(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') addReason();
                }}
              />
              <Tooltip title="Add the reason">
                <span>
                  <IconButton aria-label="Add the reason" disabled={!newReason.trim()} onClick={addReason}>
                    <AddIcon />
                  </IconButton>
                </span>
              </Tooltip>
            </Stack>
          </Stack>
        </CardContent>
      </Card>

      <Card variant="outlined" component="section" aria-label="Message templates">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            Messages to candidates
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }} gutterBottom>
            Candidates get only what a person chooses to send, from these templates (edited for the candidate if
            they like). A portal applicant gets the acknowledgement automatically.
          </Typography>
          <Stack spacing={0.5} sx={{ mb: 2 }}>
            {COMPOSED_MESSAGE_KINDS.map((composed) => (
              <FormControlLabel
                key={composed}
                control={
                  <Checkbox
                    checked={form.defaults[composed]}
                    onChange={(event) =>
                      setForm({ ...form, defaults: { ...form.defaults, [composed]: event.target.checked } })
                    }
                  />
                }
                label={`${MESSAGE_KIND_LABELS[composed]}: "send a message" starts ticked`}
              />
            ))}
          </Stack>
          <Stack direction="row" sx={{ gap: 2, alignItems: 'center', mb: 2 }}>
            <TextField
              select
              size="small"
              label="Template"
              value={kind}
              sx={{ minWidth: 240 }}
              onChange={(event) => setKind(event.target.value as MessageKind)}
            >
              {MESSAGE_KINDS.map((option) => (
                <MenuItem key={option} value={option}>
                  {MESSAGE_KIND_LABELS[option]}
                </MenuItem>
              ))}
            </TextField>
            <Button
              onClick={() =>
                setForm({ ...form, templates: { ...form.templates, [kind]: { ...DEFAULT_MESSAGE_TEMPLATES[kind] } } })
              }
            >
              Use the default words
            </Button>
          </Stack>
          <TemplateEditor
            kind={kind}
            template={form.templates[kind]}
            onChange={(template) => setForm({ ...form, templates: { ...form.templates, [kind]: template } })}
          />
        </CardContent>
      </Card>

      <Card variant="outlined" component="section" aria-label="Time zone">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            The organisation’s time zone
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }} gutterBottom>
            Times in messages and invitations are written in the reader’s zone: a candidate’s own if known, else
            this one. People who chose none see times in it too.
          </Typography>
          <TimeZoneField
            label="Time zone"
            value={form.timeZone || null}
            onChange={(timeZone) => setForm({ ...form, timeZone })}
            onClear={() => setForm({ ...form, timeZone: '' })}
          />
        </CardContent>
      </Card>
      {feedback && <Alert severity={feedback.ok ? 'success' : 'error'}>{feedback.text}</Alert>}
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
        <Button variant="contained" onClick={() => void save()}>
          Save settings
        </Button>
        <PendingChip collection="settings" documentId={settings.id} />
      </Stack>
    </Stack>
  );
}

/** The organisation's settings (replicated, so readable and editable offline; synced when back online). */
export function SettingsPanel() {
  const settings = useSettings();
  if (settings === undefined) return <LinearProgress aria-label="Loading the settings" />;
  if (settings === null) {
    return <Alert severity="info">The organisation’s settings are not on this device yet; they arrive with the next sync.</Alert>;
  }
  // A new form when the stored settings change under it (saved here, or by another admin).
  return <SettingsEditor key={settings.updatedAt} settings={settings} />;
}
