import { Alert, Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { formatMoney } from '../../ui/formatting';
import { useEffect, useState } from 'react';
import {
  OFFER_STATUSES,
  type Application,
  type OfferStatus,
} from '#shared/domain/application/application-schema';
import { roleMay } from '#shared/domain/access/write-matrix';
import { useActor, useCurrentUser, useDb } from '../../data/hooks/use-database';
import { saveDocument } from '../../data/local-writes';
import { humanize } from '../../ui/labels';
import { plainMessage } from '../../ui/plain-message';
import {
  formToOffer,
  OFFER_FIELD_LABELS as LABELS,
  offerToForm,
  type OfferFormValues,
} from './offer-form-model';
import { isOfferEditable } from '#shared/domain/application/application-machine';
import { mayComposeMessage } from '#shared/domain/message/message-rules';
import { useCandidate, useJob } from '../../data/hooks/use-documents';
import { saveComposedMessage } from '../../ui/candidate-messages';
import { draftProblem, type MessageDraft } from '../../ui/message-draft';
import { messageValues } from '../../ui/message-values';
import { CandidateMessageComposer, isMessageOffered } from '../../ui/CandidateMessageComposer';
import { useMessageDraft } from '../../ui/use-message-draft';

/** The message that may go with extending the offer, filled from the offer as it is about to be saved. */
function OfferMessage({
  application,
  values,
  onChange,
}: {
  readonly application: Application;
  readonly values: OfferFormValues;
  readonly onChange: (draft: MessageDraft | null) => void;
}) {
  const user = useCurrentUser();
  const candidate = useCandidate(application.candidateId);
  const job = useJob(application.jobId);
  const [draft, setDraft] = useMessageDraft(
    'offer',
    messageValues({ candidate, job, senderName: user.name, application: { offer: formToOffer(values) } }),
  );
  const actor = useActor();
  const isOffered = isMessageOffered(actor, 'offer', candidate);
  // The card saves what the composer shows, including the draft it opened with.
  useEffect(() => onChange(isOffered ? draft : null), [draft, isOffered, onChange]);
  return <CandidateMessageComposer kind="offer" candidate={candidate} draft={draft} onChange={setDraft} />;
}

/** The offer, for roles that see it; editable at the offer stage by roles that may. */
export function OfferCard({ application }: { readonly application: Application }) {
  const db = useDb();
  const actor = useActor();
  const [values, setValues] = useState(() => offerToForm(application.offer));
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const mayEdit = roleMay(actor.role, 'application.editOffer') && isOfferEditable(application.stage);
  const [message, setMessageDraft] = useState<MessageDraft | null>(null);
  // Extending the offer is when the candidate may hear of it (SPEC §12).
  const isExtending =
    mayComposeMessage(actor, 'offer') && values.status === 'extended' && application.offer?.status !== 'extended';
  const { offer } = application;
  const set = (field: keyof OfferFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const save = async () => {
    const decision = await saveDocument(db, actor, 'applications', application, {
      ...application,
      offer: formToOffer(values),
    });
    if (!decision.ok) {
      setFeedback({ ok: false, text: plainMessage(decision.message, LABELS) });
      return;
    }
    const sent = isExtending
      ? await saveComposedMessage(db, actor, message, {
          kind: 'offer',
          candidateId: application.candidateId,
          applicationId: application.id,
        })
      : { ok: true as const };
    setMessageDraft(null);
    setFeedback(
      sent.ok
        ? { ok: true, text: isExtending && message?.send ? 'Offer saved; the message goes out with it.' : 'Offer saved.' }
        : { ok: false, text: `The offer was saved, but not the message: ${sent.message}` },
    );
  };
  const messageProblem = isExtending && message ? draftProblem(message) : null;

  return (
    <Card variant="outlined" component="section" aria-label="Offer">
      <CardContent>
        <Typography variant="h6" component="h2">
          Offer
        </Typography>
        {offer && !mayEdit && (
          <Typography>
            {formatMoney(offer.baseSalary, offer.currency)}
            {offer.bonusPct !== undefined ? ` + ${offer.bonusPct}% bonus` : ''}
            {offer.equity ? ` + ${offer.equity}` : ''} · {humanize(offer.status)}
            {offer.startDate ? ` · starts ${offer.startDate}` : ''}
            {offer.deadline ? ` · answer by ${offer.deadline}` : ''}
          </Typography>
        )}
        {!offer && !mayEdit && <Typography sx={{ color: 'text.secondary' }}>No offer.</Typography>}
        {mayEdit && (
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
              <TextField
                label={LABELS['baseSalary']}
                type="number"
                required
                value={values.baseSalary}
                onChange={set('baseSalary')}
              />
              <TextField
                label={LABELS['currency']}
                value={values.currency}
                onChange={set('currency')}
                sx={{ width: 110 }}
              />
              <TextField
                label={LABELS['bonusPct']}
                type="number"
                value={values.bonusPct}
                onChange={set('bonusPct')}
              />
              <TextField
                label={LABELS['equity']}
                value={values.equity}
                onChange={set('equity')}
                placeholder="e.g. 0.1% over 4 years"
                sx={{ minWidth: 280, flexGrow: 1 }}
              />
              <TextField
                label={LABELS['startDate']}
                type="date"
                value={values.startDate}
                onChange={set('startDate')}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <TextField
                label={LABELS['deadline']}
                type="date"
                value={values.deadline}
                onChange={set('deadline')}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <TextField
                select
                label={LABELS['status']}
                value={values.status}
                sx={{ minWidth: 160 }}
                onChange={(event) =>
                  setValues((current) => ({ ...current, status: event.target.value as OfferStatus }))
                }
              >
                {OFFER_STATUSES.map((status) => (
                  <MenuItem key={status} value={status}>
                    {humanize(status)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            {isExtending && (
              <OfferMessage application={application} values={values} onChange={setMessageDraft} />
            )}
            {feedback && <Alert severity={feedback.ok ? 'success' : 'error'}>{feedback.text}</Alert>}
            <Button
              variant="contained"
              sx={{ alignSelf: 'flex-start' }}
              disabled={messageProblem !== null}
              onClick={() => void save()}
            >
              Save offer
            </Button>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
