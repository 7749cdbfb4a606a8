import { describe, expect, it } from 'vitest';
import { parseStreamEvent } from './sync-stream';

describe('parseStreamEvent', () => {
  it('reads the three event kinds of the stream', () => {
    expect(parseStreamEvent('{"type":"change","collection":"jobs"}')).toEqual({ type: 'change', collection: 'jobs' });
    expect(parseStreamEvent('{"type":"RESYNC"}')).toEqual({ type: 'RESYNC' });
    expect(parseStreamEvent('{"type":"wipe"}')).toEqual({ type: 'wipe' });
  });

  it('ignores anything else', () => {
    expect(parseStreamEvent('{"type":"change","collection":"secrets"}')).toBeNull();
    expect(parseStreamEvent('ping')).toBeNull();
    expect(parseStreamEvent('{"type":"other"}')).toBeNull();
  });
});
