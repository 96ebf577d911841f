import nodemailer, { type Transporter } from 'nodemailer';

export interface TMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string | Buffer; contentType?: string }[];
}

export interface Mailer {
  send(mail: TMail): Promise<void>;
  close(): void;
}

/** Real SMTP, always: in development the server starts a local sink (dev-mail-sink.ts) and points here. */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}
