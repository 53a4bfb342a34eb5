"""What the window remembers between runs, kept in QSettings ("Dossier"/"Dossier")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from dossier.paths import APP_NAME, ORG_NAME

MAX_RECENT = 8


def default_settings() -> QSettings:
    return QSettings(ORG_NAME, APP_NAME)


class UiSettings:
    """Typed access to the keys the UI uses."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings or default_settings()

    # -- files -----------------------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        value = self.qsettings.value("files/recent", [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value]
        return [Path(v) for v in value if v] if isinstance(value, list) else []

    def add_recent(self, path: Path) -> list[Path]:
        path = Path(path)
        recent = [path] + [p for p in self.recent_files() if p != path]
        self.qsettings.setValue("files/recent", [str(p) for p in recent[:MAX_RECENT]])
        self.qsettings.setValue("files/last", str(path))
        return recent[:MAX_RECENT]

    def remove_recent(self, path: Path) -> None:
        recent = [p for p in self.recent_files() if p != Path(path)]
        self.qsettings.setValue("files/recent", [str(p) for p in recent])

    def clear_recent(self) -> None:
        self.qsettings.setValue("files/recent", [])

    def last_file(self) -> Path | None:
        value = self.qsettings.value("files/last", "")
        return Path(value) if isinstance(value, str) and value else None

    def last_folder(self) -> str:
        return str(self.qsettings.value("files/last_folder", "") or "")

    def set_last_folder(self, folder: Path) -> None:
        self.qsettings.setValue("files/last_folder", str(folder))

    # -- views -----------------------------------------------------------------------------------
    def text(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(key, default)
        return str(value) if value is not None else default

    def set_text(self, key: str, value: str) -> None:
        self.qsettings.setValue(key, value)

    def number(self, key: str, default: int = 0) -> int:
        try:
            value = self.qsettings.value(key, default)
            return int(value) if isinstance(value, int | float | str) else default
        except (TypeError, ValueError):
            return default

    def set_number(self, key: str, value: int) -> None:
        self.qsettings.setValue(key, int(value))

    # -- window ----------------------------------------------------------------------------------
    def bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(key, value)

    def sync(self) -> None:
        self.qsettings.sync()
