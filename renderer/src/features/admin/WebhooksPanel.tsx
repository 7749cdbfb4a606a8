import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useState, type FormEvent } from 'react';
import {
  WEBHOOK_EVENT_TYPES,
  type CreatedWebhook,
  type WebhookDelivery,
  type WebhookEventType,
  type WebhookView,
} from '#shared/sync/admin-protocol';
import { useUsers } from '../../data/hooks/use-documents';
import { useFormatShort } from '../../ui/use-time-zone';
import { createWebhook, deleteWebhook, describeFailure, fetchWebhookDeliveries, fetchWebhooks } from './admin-api';
import { ConfirmDialog } from './ConfirmDialog';
import { OneTimeSecretDialog } from './OneTimeSecretDialog';
import { ServerListHeader } from './ServerListHeader';
import { useServerList } from './use-server-list';

/** What each event means, in the words an admin reads in the form. */
const EVENT_LABELS: Readonly<Record<WebhookEventType, string>> = {
  'application.created': 'An application is created',
  'application.stage_changed': 'An application moves stage',
  'application.hired': 'A candidate is hired',
  'interview.scheduled': 'An interview is scheduled',
  'scorecard.submitted': 'A scorecard is submitted',
  'candidate.erased': 'A candidate is erased',
};

const DELIVERY_COLOR: Readonly<Record<WebhookDelivery['status'], 'default' | 'success' | 'warning' | 'error'>> = {
  pending: 'warning',
  sending: 'warning',
  delivered: 'success',
  failed: 'error',
};

/**
 * Webhooks (SPEC §11; server-only, so it needs a connection): a URL subscribed to hiring events, its
 * signing secret shown once; listed with whether it was disabled after failures and why; deleted after
 * a confirmation; and each one's delivery log.
 */
export function WebhooksPanel() {
  const formatShort = useFormatShort();
  const users = useUsers() ?? [];
  const nameOf = (userId: string) => users.find((user) => user.id === userId)?.name ?? userId;
  const { items: webhooks, error, setError, load } = useServerList(fetchWebhooks);
  const [notice, setNotice] = useState<string | null>(null);
  const [isCreating, setIsCreating] = useState(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [deleting, setDeleting] = useState<WebhookView | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [log, setLog] = useState<WebhookView | null>(null);

  const remove = async (webhook: WebhookView) => {
    setIsBusy(true);
    try {
      await deleteWebhook(webhook.id);
      setNotice(`Nothing more is sent to ${webhook.url}.`);
      if (log?.id === webhook.id) setLog(null);
      load();
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setDeleting(null);
      setIsBusy(false);
    }
  };

  return (
    <Stack spacing={2}>
      <ServerListHeader
        description="Webhooks post hiring events to another system, signed with their secret."
        listName="webhooks"
        newLabel="New webhook"
        isLoading={webhooks === null}
        notice={notice}
        error={error}
        onNew={() => setIsCreating(true)}
        onRefresh={load}
        onNoticeClose={() => setNotice(null)}
      />
      {webhooks && (
        <Table size="small" aria-label="Webhooks">
          <TableHead>
            <TableRow>
              <TableCell>URL</TableCell>
              <TableCell>Events</TableCell>
              <TableCell>Created</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {webhooks.length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>No webhooks.</TableCell>
              </TableRow>
            )}
            {webhooks.map((webhook) => (
              <TableRow key={webhook.id} selected={log?.id === webhook.id}>
                <TableCell sx={{ wordBreak: 'break-all' }}>{webhook.url}</TableCell>
                <TableCell>{webhook.events.join(', ')}</TableCell>
                <TableCell>
                  {formatShort(webhook.createdAt)}
                  <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                    by {nameOf(webhook.createdBy)}
                  </Typography>
                </TableCell>
                <TableCell>
                  {webhook.disabledAt ? (
                    <>
                      <Chip size="small" label="Disabled" color="error" />
                      <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                        {formatShort(webhook.disabledAt)}
                        {webhook.disabledReason ? `: ${webhook.disabledReason}` : ''}
                      </Typography>
                    </>
                  ) : (
                    <>
                      <Chip size="small" label="Active" color="success" />
                      {webhook.consecutiveFailures > 0 && (
                        <Typography variant="caption" component="div" sx={{ color: 'warning.main' }}>
                          {webhook.consecutiveFailures} failed attempt{webhook.consecutiveFailures === 1 ? '' : 's'} in
                          a row
                        </Typography>
                      )}
                    </>
                  )}
                </TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => setLog(webhook)}>
                    Deliveries
                  </Button>
                  <Button size="small" color="error" onClick={() => setDeleting(webhook)}>
                    Delete
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {log && <DeliveryLog key={log.id} webhook={log} onClose={() => setLog(null)} />}
      {isCreating && (
        <NewWebhookDialog
          onClose={() => setIsCreating(false)}
          onCreated={(webhook) => {
            setIsCreating(false);
            setCreated(webhook);
            load();
          }}
        />
      )}
      {created && (
        <OneTimeSecretDialog
          title={`Webhook to ${created.url}`}
          label="Signing secret"
          secret={created.secret}
          usage="Each delivery carries “Shortlist-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, “<t>.<body>”)>”; check it with this secret, and drop repeats by the “Shortlist-Delivery” header."
          onClose={() => setCreated(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete the webhook to ${deleting.url}`}
          confirmLabel="Delete"
          isDanger
          isBusy={isBusy}
          onConfirm={() => void remove(deleting)}
          onClose={() => setDeleting(null)}
        >
          <Typography>
            Nothing more is sent to this URL, including deliveries still waiting or being retried. Its secret stops
            meaning anything; a new webhook gets a new one.
          </Typography>
        </ConfirmDialog>
      )}
    </Stack>
  );
}

/** One webhook's deliveries, newest first: the event, its status, attempts and the receiver's last answer. */
function DeliveryLog({ webhook, onClose }: { readonly webhook: WebhookView; readonly onClose: () => void }) {
  const formatShort = useFormatShort();
  const fetchDeliveries = useCallback(() => fetchWebhookDeliveries(webhook.id), [webhook.id]);
  const { items: deliveries, error, load } = useServerList(fetchDeliveries);
  return (
    <Stack component="section" aria-label={`Deliveries to ${webhook.url}`} spacing={1}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h6" component="h2">
          Deliveries to {webhook.url}
        </Typography>
        <Stack direction="row" spacing={1}>
          <Button onClick={load}>Refresh deliveries</Button>
          <Button onClick={onClose}>Close</Button>
        </Stack>
      </Stack>
      {error && <Alert severity="warning">{error}</Alert>}
      {deliveries === null && <LinearProgress aria-label="Loading the deliveries" />}
      {deliveries && (
        <Table size="small" aria-label="Delivery log">
          <TableHead>
            <TableRow>
              <TableCell>Event</TableCell>
              <TableCell>Created</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Attempts</TableCell>
              <TableCell>Last answer</TableCell>
              <TableCell>Delivery id</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {deliveries.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>Nothing has been sent to it yet.</TableCell>
              </TableRow>
            )}
            {deliveries.map((delivery) => (
              <TableRow key={delivery.id}>
                <TableCell>{delivery.type}</TableCell>
                <TableCell>{formatShort(delivery.createdAt)}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={delivery.status}
                    color={DELIVERY_COLOR[delivery.status]}
                    variant="outlined"
                  />
                  <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                    {delivery.deliveredAt
                      ? formatShort(delivery.deliveredAt)
                      : delivery.nextAttemptAt
                        ? `next try ${formatShort(delivery.nextAttemptAt)}`
                        : ''}
                  </Typography>
                </TableCell>
                <TableCell>{delivery.attempts}</TableCell>
                <TableCell>
                  {delivery.lastStatus === null ? '' : `HTTP ${delivery.lastStatus}`}
                  {delivery.lastError && (
                    <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                      {delivery.lastError}
                    </Typography>
                  )}
                  {delivery.lastAttemptAt && (
                    <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                      {formatShort(delivery.lastAttemptAt)}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
                  {delivery.eventId}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}

/** The form of a new webhook: the URL and the events it receives (all of them to start with). */
function NewWebhookDialog({
  onClose,
  onCreated,
}: {
  readonly onClose: () => void;
  readonly onCreated: (webhook: CreatedWebhook) => void;
}) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<readonly WebhookEventType[]>(WEBHOOK_EVENT_TYPES);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const toggle = (event: WebhookEventType, isOn: boolean) =>
    setEvents(WEBHOOK_EVENT_TYPES.filter((type) => (type === event ? isOn : events.includes(type))));

  const submit = async (formEvent: FormEvent) => {
    formEvent.preventDefault();
    setIsBusy(true);
    try {
      onCreated(await createWebhook({ url: url.trim(), events: [...events] }));
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="new-webhook-title" fullWidth maxWidth="sm">
      <form onSubmit={(event) => void submit(event)} aria-label="New webhook">
        <DialogTitle id="new-webhook-title">New webhook</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label="URL"
              type="url"
              value={url}
              required
              helperText="Where each event is POSTed (http or https). Private and loopback addresses are refused unless the server allows them."
              slotProps={{ htmlInput: { maxLength: 2000 } }}
              onChange={(event) => setUrl(event.target.value)}
            />
            <FormGroup>
              <FormLabel component="legend">Events</FormLabel>
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <FormControlLabel
                  key={type}
                  control={
                    <Checkbox checked={events.includes(type)} onChange={(event) => toggle(type, event.target.checked)} />
                  }
                  label={`${EVENT_LABELS[type]} (${type})`}
                />
              ))}
            </FormGroup>
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isBusy || url.trim() === '' || events.length === 0}>
            Subscribe
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
