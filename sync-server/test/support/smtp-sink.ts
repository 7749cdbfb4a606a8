import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

/** A message the sink accepted. */
export interface ReceivedMail {
  readonly from: string;
  readonly recipients: string[];
  readonly raw: string;
}

/** A real SMTP server on 127.0.0.1 (random port) that keeps what it receives. */
export interface SmtpSink {
  readonly url: string;
  readonly received: ReceivedMail[];
  /** Answers the next `count` messages to recipients matching `pattern` with a temporary failure. */
  failNext(pattern: RegExp, count: number): void;
  /** How many deliveries were refused so far. */
  refusals(): number;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const failures: { pattern: RegExp; left: number }[] = [];
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const recipients = session.envelope.rcptTo.map((address) => address.address);
        const failure = failures.find(
          (rule) => rule.left > 0 && recipients.some((to) => rule.pattern.test(to)),
        );
        if (failure) {
          failure.left -= 1;
          refused += 1;
          const error = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        received.push({ from, recipients, raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}?starttls=off`,
    received,
    failNext: (pattern, count) => failures.push({ pattern, left: count }),
    refusals: () => refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A header of a raw message (unfolded). */
export function headerOf(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return match?.[1]?.trim() ?? null;
}

function decodePart(body: string, encoding: string | null): string {
  if (encoding?.toLowerCase() === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding?.toLowerCase() === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** The decoded MIME parts of a raw message with this content type (e.g. `text/plain`, `text/calendar`). */
export function partsOf(raw: string, contentType: string): string[] {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const found: string[] = [];
  for (const part of parts) {
    const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
    const type = headerOf(`${head}\n\n`, 'Content-Type');
    if (!type?.toLowerCase().startsWith(contentType)) continue;
    const body = rest.join('\n\n').replace(/\r?\n--[^\r\n]+--\s*$/, '');
    found.push(decodePart(body, headerOf(`${head}\n\n`, 'Content-Transfer-Encoding')));
  }
  return found;
}
