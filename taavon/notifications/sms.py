"""SMS gateway interface. Development and tests use console, file or memory gateways;
production plugs a provider's gateway in through TAAVON_SMS_BACKEND."""

from __future__ import annotations

import json
import sys
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

from django.conf import settings
from django.utils.module_loading import import_string


class SmsError(Exception):
    """The gateway refused or failed; the delivery is marked failed with this message."""


@dataclass(frozen=True)
class SmsMessage:
    to: str  # +989XXXXXXXXX
    text: str


class SmsGateway(ABC):
    @abstractmethod
    def send(self, message: SmsMessage) -> None: ...


class ConsoleSmsGateway(SmsGateway):
    def send(self, message: SmsMessage) -> None:
        sys.stdout.write(f"[sms to {message.to}] {message.text}\n")


class FileSmsGateway(SmsGateway):
    """Appends one JSON line per message to var/sms/outbox.jsonl."""

    def send(self, message: SmsMessage) -> None:
        directory = settings.TAAVON_SMS_FILE_DIR
        directory.mkdir(parents=True, exist_ok=True)
        record = {"to": message.to, "text": message.text, "at": datetime.now(UTC).isoformat()}
        with (directory / "outbox.jsonl").open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


class MemorySmsGateway(SmsGateway):
    """For tests: messages are kept in a class-level outbox like django.core.mail.outbox."""

    outbox: ClassVar[list[SmsMessage]] = []

    def send(self, message: SmsMessage) -> None:
        self.outbox.append(message)


def get_gateway() -> SmsGateway:
    gateway_cls = import_string(settings.TAAVON_SMS_BACKEND)
    gateway: SmsGateway = gateway_cls()
    return gateway
