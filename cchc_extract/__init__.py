"""cchc-extract: Vietnamese public-administration documents to validated target sets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["TargetSet", "__version__", "extract_file", "extract_text"]

if TYPE_CHECKING:
    from .api import extract_file, extract_text
    from .models import TargetSet


def __getattr__(name: str) -> Any:
    # Lazy so that `import cchc_extract` (and `cchc-extract --help`) does not load spaCy.
    if name in ("extract_file", "extract_text"):
        from . import api

        return getattr(api, name)
    if name == "TargetSet":
        from .models import TargetSet

        return TargetSet
    raise AttributeError(name)
