import { Alert, Stack, Tab, Tabs } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useActor } from '../../data/hooks/use-database';
import { PageHeader } from '../../ui/PageHeader';
import { ApiKeysPanel } from './ApiKeysPanel';
import { AuditPanel } from './AuditPanel';
import { ErasurePanel } from './ErasurePanel';
import { ExportPanel } from './ExportPanel';
import { OutboxPanel } from './OutboxPanel';
import { SettingsPanel } from './SettingsPanel';
import { UsersPanel } from './UsersPanel';
import { WebhooksPanel } from './WebhooksPanel';

/** The console's sections, by URL (`/admin/<section>`). */
const SECTIONS: readonly { readonly path: string; readonly label: string; readonly panel: () => ReactNode }[] = [
  { path: 'users', label: 'Users', panel: () => <UsersPanel /> },
  { path: 'audit', label: 'Audit log', panel: () => <AuditPanel /> },
  { path: 'settings', label: 'Reasons & messages', panel: () => <SettingsPanel /> },
  { path: 'outbox', label: 'Outbox', panel: () => <OutboxPanel /> },
  { path: 'erasure', label: 'Erasure', panel: () => <ErasurePanel /> },
  { path: 'export', label: 'Export', panel: () => <ExportPanel /> },
  { path: 'api-keys', label: 'API keys', panel: () => <ApiKeysPanel /> },
  { path: 'webhooks', label: 'Webhooks', panel: () => <WebhooksPanel /> },
];

/**
 * The admin console (issue 17): running the deployment from the app. Admins only; the server refuses
 * everyone else anyway. The directory and the settings are on the laptop; the rest (outbox, API keys,
 * webhooks and their deliveries) is the server's and needs a connection.
 */
export function AdminPage() {
  const actor = useActor();
  const { section = 'users' } = useParams();
  if (actor.role !== 'admin') return <Alert severity="warning">This page is for admins.</Alert>;
  const current = SECTIONS.find((candidate) => candidate.path === section) ?? SECTIONS[0];
  if (!current) return null;
  return (
    <Stack spacing={2}>
      <PageHeader title="Admin" subtitle="Accounts, audit, messages, outbox, erasure, export and integrations" />
      <Tabs value={current.path} aria-label="Admin sections" variant="scrollable">
        {SECTIONS.map((candidate) => (
          <Tab
            key={candidate.path}
            value={candidate.path}
            label={candidate.label}
            component={Link}
            to={`/admin/${candidate.path}`}
          />
        ))}
      </Tabs>
      {current.panel()}
    </Stack>
  );
}
