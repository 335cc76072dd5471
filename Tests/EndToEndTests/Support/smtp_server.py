"""A real SMTP server on 127.0.0.1 for Stagehand's end-to-end tests (aiosmtpd).

Every accepted message is written whole to SPOOL/<n>.eml, and as Python's email
package reads it to SPOOL/<n>.json (envelope, decoded From, To, Subject, Message-ID
and body), so tests check what a mail client would show rather than our encoding;
every DATA attempt, accepted or not, adds a line to SPOOL/attempts.log. Prints "READY <port>" once listening and
runs until SIGTERM.

  --answers 451,451   the first DATA commands get these replies, then 250
  --refuse ADDRESS    RCPT TO this address gets 550 5.1.1
  --stall ADDRESS     DATA for this address never gets an answer (a server that hangs)
  --login USER:PASS   require AUTH LOGIN/PLAIN with these credentials
  --starttls CERT KEY offer STARTTLS with this certificate and require it
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import socket
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

REPLIES = {
    "451": "451 4.3.0 Temporary failure, try again later",
    "421": "421 4.7.0 Too busy, come back later",
    "550": "550 5.7.1 Message refused",
    "554": "554 5.6.0 Message rejected",
}


class Spool:
    def __init__(self, folder, answers, refuse, stall):
        self.folder = folder
        self.answers = list(answers)
        self.refuse = set(refuse)
        self.stall = set(stall)
        self.lock = threading.Lock()
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server, session, envelope):
        if self.stall & set(envelope.rcpt_tos):
            await asyncio.sleep(3600)
        with self.lock:
            answer = self.answers.pop(0) if self.answers else "250"
            self.count += 1
            number = self.count
            with open(os.path.join(self.folder, "attempts.log"), "a") as log:
                log.write("%s %s\n" % (answer, ",".join(envelope.rcpt_tos)))
        if answer != "250":
            return REPLIES.get(answer, answer + " refused by the test server")
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        summary = {
            "envelopeFrom": envelope.mail_from,
            "envelopeTo": envelope.rcpt_tos,
            "from": str(message["From"]),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "messageID": str(message["Message-ID"]),
            "body": message.get_content().replace("\r\n", "\n"),
        }
        self.publish(number, "eml", envelope.original_content)
        self.publish(number, "json", json.dumps(summary, ensure_ascii=False).encode())
        return "250 2.0.0 Ok: queued as %d" % number


    def publish(self, number, extension, data):
        temporary = os.path.join(self.folder, ".%d.%s.tmp" % (number, extension))
        with open(temporary, "wb") as spool:
            spool.write(data)
        os.rename(temporary, os.path.join(self.folder, "%d.%s" % (number, extension)))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("spool")
    parser.add_argument("--answers", default="")
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--stall", action="append", default=[])
    parser.add_argument("--login")
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    options = parser.parse_args()
    handler = Spool(options.spool, [a for a in options.answers.split(",") if a], options.refuse, options.stall)
    extra = {}
    if options.login:
        user, password = options.login.split(":", 1)

        def authenticate(server, session, envelope, mechanism, auth_data):
            good = auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=good, handled=False)

        extra = dict(authenticator=authenticate, auth_required=True, auth_require_tls=False)
    if options.starttls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*options.starttls)
        extra.update(tls_context=context, require_starttls=True)
    # Blocked before the server's threads start, so that they inherit the mask and the
    # main thread alone takes the signal in sigwait.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, decode_data=False, **extra)
    controller.start()
    print("READY %d" % port, flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()


if __name__ == "__main__":
    main()
