import type { CollectionName } from '#shared/domain/collections';

function text(document: Readonly<Record<string, unknown>>, field: string): string {
  const value = document[field];
  return typeof value === 'string' ? value : '';
}

/** A document in a few words, for lists such as the refused changes. */
export function describeDocument(collection: CollectionName, document: Readonly<Record<string, unknown>>): string {
  switch (collection) {
    case 'jobs':
      return `Job “${text(document, 'title') || text(document, 'id')}”`;
    case 'candidates':
      return `Candidate ${`${text(document, 'firstName')} ${text(document, 'lastName')}`.trim() || text(document, 'id')}`;
    case 'applications':
      return `Application ${text(document, 'id')} (${text(document, 'stage')})`;
    case 'interviews':
      return `Interview ${text(document, 'type')} on ${text(document, 'scheduledAt').slice(0, 16).replace('T', ' ')}`;
    case 'settings':
      return 'Organisation settings';
    case 'messages':
      return `Message “${text(document, 'subject')}”`;
    case 'users':
      return `User ${text(document, 'name')}`;
    case 'comments':
      return `Comment “${text(document, 'body').slice(0, 60)}”`;
  }
}
