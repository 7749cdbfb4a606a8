import { describe, expect, it } from 'vitest';
import { documentContent } from './document-content';

describe('documentContent', () => {
  it('drops only the replication fields and copies the rest', () => {
    const sent = { id: 'x', stage: 'applied', _rev: '1-a', _deleted: false, _meta: {}, _attachments: {} };
    const content = documentContent(sent);
    expect(content).toEqual({ id: 'x', stage: 'applied' });
    expect(content).not.toBe(sent);
  });

  it('keeps a crafted "__proto__" key as a field of its own (for the schema to refuse), never as the prototype', () => {
    const sent = JSON.parse('{"id":"x","__proto__":{"stage":"hired"}}') as Record<string, unknown>;
    const content = documentContent(sent);
    expect(Object.keys(content)).toEqual(['id', '__proto__']);
    expect(Object.getPrototypeOf(content)).toBe(Object.prototype);
    expect(content['stage']).toBeUndefined();
  });
});
