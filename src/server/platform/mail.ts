import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Config } from "../config.ts";
import { newId } from "../lib/ids.ts";

/** A plain-text e-mail (HTML is not needed for one-time links and is a phishing look-alike risk). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Content language, for the Content-Language header and screen readers in mail clients. */
  language: string;
}

/** Sends e-mail; resolves only after the SMTP server accepted the message. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer when KESKIO_SMTP_URL is set; otherwise (development only — production requires
 * SMTP) each message is written as an .eml file into the outbox folder for the developer to open.
 */
export function createMailer(mail: Config["mail"]): Mailer {
  if (mail.smtpUrl) {
    const transport = nodemailer.createTransport(mail.smtpUrl);
    return {
      async send(message) {
        await transport.sendMail({
          from: mail.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          headers: { "Content-Language": message.language },
        });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: mail.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        headers: { "Content-Language": message.language },
      });
      mkdirSync(mail.outboxDir, { recursive: true, mode: 0o700 });
      writeFileSync(path.join(mail.outboxDir, `${newId()}.eml`), info.message as Buffer, { mode: 0o600 });
    },
    close: () => transport.close(),
  };
}
