"""Settings kept in the database file: what belongs to the data (our company, service levels,
SMTP server, targets), so it travels with the file. Per-machine choices stay in QSettings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from crmdesk.models.base import Base


class Setting(Base):
    """One named section of settings as a JSON object; the service gives it a typed shape."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
