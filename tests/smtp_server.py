"""A real SMTP server on localhost (aiosmtpd) for the outbox tests: it keeps what it received,
and can refuse chosen recipients or run a hook when a message's DATA arrives."""

from __future__ import annotations

import email
import socket
from collections.abc import Callable
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Received:
    refuse: set[str] = field(default_factory=set)
    messages: list[email.message.Message] = field(default_factory=list)
    on_data: Callable[[int], None] | None = None  # called with the message's number, from 1

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content)
        self.messages.append(message)
        if self.on_data is not None:
            self.on_data(len(self.messages))
        return f"250 2.0.0 Ok: queued as {len(self.messages)}"

    def ids(self) -> list[str]:
        return [m["Message-ID"] for m in self.messages]


class Server:
    """Start and stop the server on a fixed port (so "offline, then back" can be tested)."""

    def __init__(self, port: int, received: Received, password: str | None = None) -> None:
        self.port, self.received = port, received
        kwargs = {}
        if password is not None:

            def check(server, session, envelope, mechanism, auth_data):
                ok = isinstance(auth_data, LoginPassword) and (
                    auth_data.password == password.encode()
                )
                return AuthResult(success=ok)

            kwargs = {"authenticator": check, "auth_require_tls": False, "auth_required": True}
        self.controller = Controller(received, hostname="127.0.0.1", port=port, **kwargs)
        self.running = False

    def start(self) -> None:
        self.controller.start()
        self.running = True

    def stop(self) -> None:
        if self.running:
            self.controller.stop()
            self.running = False
