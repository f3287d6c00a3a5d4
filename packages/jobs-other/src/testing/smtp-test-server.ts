import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A message the test server accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message (headers and MIME body). */
  raw: string;
}

/** How the test server misbehaves. */
export interface SmtpTestBehaviour {
  /** SMTP reply code to give RCPT TO for an address (e.g. 550, 451); undefined accepts it. */
  rcptCode?: (address: string, attempt: number) => number | undefined;
  /** Drops the connection instead of answering the n-th DATA (1-based) when true. */
  dropOnData?: (n: number) => boolean;
  /** Never answers DATA (the message hangs) when true. */
  stallOnData?: (n: number) => boolean;
}

/** A real SMTP server on loopback (smtp-server), recording what it accepts. */
export interface SmtpTestServer {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** DATA commands seen, delivered or not. */
  dataCount(): number;
  close(): Promise<void>;
}

/** Starts a {@link SmtpTestServer} on 127.0.0.1 and a free port. */
export async function startSmtpTestServer(behaviour: SmtpTestBehaviour = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const rcptAttempts = new Map<string, number>();
  let data = 0;
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      const attempt = (rcptAttempts.get(address.address) ?? 0) + 1;
      rcptAttempts.set(address.address, attempt);
      const code = behaviour.rcptCode?.(address.address, attempt);
      if (code === undefined) return callback();
      const error = Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), {
        responseCode: code,
      });
      callback(error);
    },
    onData(stream, session: SMTPServerSession, callback) {
      // A client that goes away mid-message (a cancelled send, a dropped connection) ends the
      // stream with an error: expected here, and never a failure of the server.
      stream.on('error', () => undefined);
      data += 1;
      const n = data;
      if (behaviour.dropOnData?.(n) === true) {
        for (const connection of server.connections) {
          if (connection.id === session.id) connection._socket.destroy();
        }
        stream.resume();
        return;
      }
      buffer(stream).then(
        (raw) => {
          if (behaviour.stallOnData?.(n) === true) return;
          received.push({
            from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: raw.toString('utf8'),
          });
          callback();
        },
        () => undefined,
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    dataCount: () => data,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Decodes MIME encoded-word headers and quoted-printable text, for reading messages back. */
export function decodeMime(text: string): string {
  const hex = (_m: string, code: string) => String.fromCharCode(Number.parseInt(code, 16));
  // Bytes as latin1 characters first, then the whole message read as UTF-8 once.
  const words = text
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_whole, enc: string, body: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(body, 'base64').toString('latin1')
        : body.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, hex),
    );
  const bytes = words.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, hex);
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
