import {
  Alert,
  Button,
  Divider,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { wallClock } from '#shared/domain/user/time-zone';
import { useTimeZone } from '../../ui/use-time-zone';
import { useEffect, useRef, useState } from 'react';
import {
  RECOMMENDATIONS,
  type Interview,
  type Recommendation,
} from '#shared/domain/interview/interview-schema';
import type { FocusAttribute } from '#shared/domain/job/interview-plan-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import { saveDocument } from '../../data/local-writes';
import { deleteScorecardDraft, readScorecardDraft, saveScorecardDraft } from '../../data/scorecard-drafts';
import { humanize } from '../../ui/labels';
import { plainMessage } from '../../ui/plain-message';
import { AttributeRatingInput } from './AttributeRatingInput';
import { RatingRadios, RATING_WORDS } from './RatingRadios';
import {
  initialScorecardFields,
  toScorecard,
  withScorecard,
  type AttributeRatingField,
  type ScorecardFields,
} from './scorecard-draft';

/** How long typing pauses before the draft is saved locally. */
const AUTOSAVE_DELAY_MS = 400;

/**
 * What was typed in a scorecard form and is not yet known to be in the local draft store, by
 * interview and interviewer. A form that is mounted again (a route or session gate re-rendering,
 * a quick back and forth) reads this before the store: the unmounted form's last save may still be
 * on its way, and reading the store alone showed an empty form, losing what was typed.
 */
const typedNotYetSaved = new Map<string, ScorecardFields>();

interface ScorecardFormProps {
  readonly interview: Interview;
  /** The focus attributes of the interview's kit, in order (none when it follows no kit). */
  readonly attributes: readonly FocusAttribute[];
}

/**
 * My scorecard for an interview: each focus attribute of the kit, then the overall rating and
 * recommendation. Saved locally as I type (a draft only I see, surviving a crash or a closed
 * window), then submitted as a local write through the shared rules; replication sends it.
 */
export function ScorecardForm({ interview, attributes }: ScorecardFormProps) {
  const zone = useTimeZone();
  const db = useDb();
  const actor = useActor();
  const submitted = interview.scorecards.find((card) => card.interviewerId === actor.id);
  const [fields, setFields] = useState<ScorecardFields | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const pending = useRef<{
    timer: ReturnType<typeof setTimeout>;
    interviewId: string;
    fields: ScorecardFields;
  } | null>(null);
  const attributeIds = attributes.map((attribute) => attribute.id).join(' ');
  /** Whether the person changed anything here since the form was filled in. */
  const isEdited = useRef(false);
  /** How many changes the person made here: a read that started before one must not overwrite it. */
  const edits = useRef(0);
  const submittedKey = JSON.stringify(submitted ?? null);
  /** The stored scorecard this form was filled from (the opening read covers the first). */
  const shownSubmittedKey = useRef(submittedKey);

  const typedKey = `${interview.id}:${actor.id}`;

  useEffect(() => {
    let isCurrent = true;
    const typed = typedNotYetSaved.get(typedKey);
    if (typed) {
      isEdited.current = true;
      setFields(typed);
      return;
    }
    const editsBefore = edits.current;
    void readScorecardDraft(db, interview.id, actor.id).then((draft) => {
      // Whatever was typed while the draft was being read stays: it is newer than the draft.
      if (!isCurrent || edits.current !== editsBefore) return;
      setFields(initialScorecardFields(draft, submitted, attributeIds ? attributeIds.split(' ') : []));
      setSavedAt(draft?.savedAt ?? null);
    });
    return () => {
      isCurrent = false;
    };
    // Read once per interview (and kit): later changes come from this form.
  }, [db, typedKey, interview.id, actor.id, attributeIds]);

  // My scorecard as stored changed (this device's copy caught up after it opened, or I submitted
  // it on another device): show it, unless I am editing here. Never overwrites what I typed.
  useEffect(() => {
    if (shownSubmittedKey.current === submittedKey) return;
    shownSubmittedKey.current = submittedKey;
    if (isEdited.current || pending.current) return;
    let isCurrent = true;
    void readScorecardDraft(db, interview.id, actor.id).then((draft) => {
      if (!isCurrent || draft || isEdited.current || pending.current) return;
      setFields(initialScorecardFields(null, submitted, attributeIds ? attributeIds.split(' ') : []));
    });
    return () => {
      isCurrent = false;
    };
    // Keyed by the stored scorecard's content, not by the document's identity.
  }, [submittedKey]);

  const flushDraft = () => {
    const waiting = pending.current;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.current = null;
    void saveScorecardDraft(db, waiting.interviewId, actor.id, waiting.fields).then(() => {
      const key = `${waiting.interviewId}:${actor.id}`;
      // Saved: the store has it now, unless something newer was typed meanwhile.
      if (typedNotYetSaved.get(key) === waiting.fields) typedNotYetSaved.delete(key);
      setSavedAt(Date.now());
    });
  };
  const flushRef = useRef(flushDraft);
  flushRef.current = flushDraft;

  // Closing the window or leaving the page saves what is waiting at once.
  useEffect(() => {
    const flushNow = () => flushRef.current();
    window.addEventListener('pagehide', flushNow);
    return () => {
      window.removeEventListener('pagehide', flushNow);
      flushNow();
    };
  }, []);

  if (!fields) return null;

  const change = (next: Partial<ScorecardFields>) => {
    isEdited.current = true;
    edits.current += 1;
    const updated = { ...fields, ...next };
    setFields(updated);
    setMessage(null);
    typedNotYetSaved.set(typedKey, updated);
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = {
      fields: updated,
      interviewId: interview.id,
      timer: setTimeout(flushDraft, AUTOSAVE_DELAY_MS),
    };
  };
  const changeAttribute = (next: AttributeRatingField) =>
    change({
      attributeRatings: (fields.attributeRatings ?? []).map((entry) =>
        entry.attributeId === next.attributeId ? next : entry,
      ),
    });

  const submit = async () => {
    const result = toScorecard(fields, actor.id, Date.now(), attributes);
    if (!result.ok) {
      setMessage({ severity: 'error', text: result.message });
      return;
    }
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    await saveScorecardDraft(db, interview.id, actor.id, fields);
    if (typedNotYetSaved.get(typedKey) === fields) typedNotYetSaved.delete(typedKey);
    const after: Interview = {
      ...interview,
      scorecards: withScorecard(interview.scorecards, result.scorecard),
    };
    const decision = await saveDocument(db, actor, 'interviews', interview, after);
    if (!decision.ok) {
      setMessage({
        severity: 'error',
        text: plainMessage(decision.message, {
          notes: 'Notes',
          rating: 'Rating',
          attributeRatings: 'Ratings',
        }),
      });
      return;
    }
    await deleteScorecardDraft(db, interview.id, actor.id);
    setSavedAt(null);
    setMessage({ severity: 'success', text: 'Scorecard submitted. It syncs when you are online.' });
  };

  const ratingFields = fields.attributeRatings ?? [];
  return (
    <Stack
      component="form"
      aria-label="My scorecard"
      spacing={2}
      onSubmit={(event) => event.preventDefault()}
    >
      {attributes.length > 0 && (
        <Stack spacing={2} component="section" aria-label="Focus attributes">
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            Focus attributes
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Rate what this interview showed: 1 {RATING_WORDS[1]?.toLowerCase()} · 3{' '}
            {RATING_WORDS[3]?.toLowerCase()} · 5 {RATING_WORDS[5]?.toLowerCase()}. Leave an attribute unrated
            if the interview did not show it.
          </Typography>
          {attributes.map((attribute) => {
            const value = ratingFields.find((entry) => entry.attributeId === attribute.id) ?? {
              attributeId: attribute.id,
              rating: 0,
              note: '',
            };
            return (
              <AttributeRatingInput
                key={attribute.id}
                attribute={attribute}
                value={value}
                onChange={changeAttribute}
              />
            );
          })}
          <Divider />
        </Stack>
      )}
      <FormControl>
        <FormLabel id="rating-label">Overall rating</FormLabel>
        <RatingRadios
          labelledBy="rating-label"
          value={fields.rating}
          onChange={(rating) => change({ rating })}
        />
      </FormControl>
      <FormControl>
        <FormLabel id="recommendation-label">Recommendation</FormLabel>
        <RadioGroup
          row
          aria-labelledby="recommendation-label"
          value={fields.recommendation}
          onChange={(event) => change({ recommendation: event.target.value as Recommendation })}
        >
          {RECOMMENDATIONS.map((value) => (
            <FormControlLabel key={value} value={value} control={<Radio />} label={humanize(value)} />
          ))}
        </RadioGroup>
      </FormControl>
      <TextField
        label="Notes"
        multiline
        minRows={5}
        value={fields.notes}
        onChange={(event) => change({ notes: event.target.value })}
        slotProps={{ htmlInput: { maxLength: 10_000 } }}
      />
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="contained" onClick={() => void submit()}>
          {submitted ? 'Update scorecard' : 'Submit scorecard'}
        </Button>
        <Typography role="status" sx={{ color: 'text.secondary' }}>
          {savedAt
            ? `Draft saved on this device at ${wallClock(savedAt, zone).slice(11, 19)}`
            : submitted
              ? 'Submitted'
              : ''}
        </Typography>
      </Stack>
      {message && <Alert severity={message.severity}>{message.text}</Alert>}
    </Stack>
  );
}
