import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message that reached the in-process SMTP server. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  language: string | undefined;
}

/** A real SMTP server on a local port; tests read what Keskiö sent through nodemailer. */
export interface TestSmtp {
  url: string;
  messages: ReceivedMail[];
  /** The oldest message to this address not yet read, waiting for one if there is none. */
  nextTo(address: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** Starts the server on a free port, or on `options.port` (the browser tests' server is configured with it). */
export async function startTestSmtp(options: { port?: number } = {}): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const waiters: { address: string; resolve: (m: ReceivedMail) => void }[] = [];
  // Each message is handed to one nextTo call: a test reads mail in order, like a person reads an inbox.
  const taken = new Set<ReceivedMail>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          const mail: ReceivedMail = {
            to,
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            language: parsed.headers.get("content-language") as string | undefined,
          };
          messages.push(mail);
          const waiter = waiters.find((w) => to.includes(w.address));
          if (waiter) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(mail);
          }
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    nextTo(address, timeoutMs = 5000) {
      const wanted = address.toLowerCase();
      const unread = messages.find((m) => m.to.includes(wanted) && !taken.has(m));
      if (unread) {
        taken.add(unread);
        return Promise.resolve(unread);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no mail to ${address} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          address: wanted,
          resolve: (m) => {
            clearTimeout(timer);
            taken.add(m);
            resolve(m);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The one-time token in a mailed link (…?token=XYZ). */
export function tokenFromMail(mail: ReceivedMail): string {
  const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no token link in mail "${mail.subject}"`);
  return match[1];
}
