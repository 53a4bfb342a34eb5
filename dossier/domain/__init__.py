"""Plain dataclasses and rules: no Qt, no SQLAlchemy."""
from dossier.domain.dates import PartialDate, Precision, Qualifier

__all__ = ["PartialDate", "Precision", "Qualifier"]
