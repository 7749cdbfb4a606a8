import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CouchStore } from '../infra/couch-store';
import { ChangeHub } from './change-hub';

/** A response whose written events are kept (no socket: nothing is sent anywhere). */
function recordingResponse(): { response: ServerResponse; events: () => unknown[] } {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  const written: string[] = [];
  vi.spyOn(response, 'write').mockImplementation((chunk: unknown) => {
    written.push(String(chunk));
    return true;
  });
  return {
    response,
    events: () => written.map((line) => JSON.parse(line.replace(/^data: /, '').trim()) as unknown),
  };
}

describe('ChangeHub: when a stream hears of a change', () => {
  // No store is asked: the hub is not started, and no interview or session changes.
  const hub = () =>
    new ChangeHub(new CouchStore('http://127.0.0.1:9'), {
      heartbeatMs: 60_000,
      recheck: () => Promise.resolve('ok'),
      log: () => undefined,
    });

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tells the first change of a quiet spell at once, not after a batching delay', () => {
    const changes = hub();
    const client = recordingResponse();
    changes.add({ id: 'u1', role: 'recruiter', sessionId: 's1' }, client.response);
    changes.databasesChanged(new Set(['applications']));
    expect(client.events()).toEqual([{ type: 'RESYNC' }, { type: 'change', collection: 'applications' }]);
  });

  it('gathers the changes of the next 50 ms into one event per collection, told at the end', () => {
    const changes = hub();
    const client = recordingResponse();
    changes.add({ id: 'u1', role: 'recruiter', sessionId: 's1' }, client.response);
    changes.databasesChanged(new Set(['applications']));
    changes.databasesChanged(new Set(['applications', 'candidates']));
    changes.databasesChanged(new Set(['applications']));
    expect(client.events()).toHaveLength(2);
    vi.advanceTimersByTime(49);
    expect(client.events()).toHaveLength(2);
    vi.advanceTimersByTime(1);
    const told = client.events().slice(2);
    expect(told).toHaveLength(2);
    expect(told).toEqual(
      expect.arrayContaining([
        { type: 'change', collection: 'applications' },
        { type: 'change', collection: 'candidates' },
      ]),
    );
    // Nothing changed in that second window: nothing more is told, and the next change goes at once.
    vi.advanceTimersByTime(200);
    expect(client.events()).toHaveLength(4);
    changes.databasesChanged(new Set(['jobs']));
    expect(client.events().at(-1)).toEqual({ type: 'change', collection: 'jobs' });
  });

  it('names one change once, to every stream, and nothing for a database that is not a collection', () => {
    const changes = hub();
    const first = recordingResponse();
    const second = recordingResponse();
    changes.add({ id: 'u1', role: 'recruiter', sessionId: 's1' }, first.response);
    changes.add({ id: 'u2', role: 'hiring_manager', sessionId: 's2' }, second.response);
    changes.databasesChanged(new Set(['audit', 'jobs']));
    vi.advanceTimersByTime(500);
    for (const client of [first, second]) {
      expect(client.events()).toEqual([{ type: 'RESYNC' }, { type: 'change', collection: 'jobs' }]);
    }
  });
});
