"""Exception types whose message is a sentence a user understands (printed without a traceback)."""


class ExtractError(Exception):
    """Base class: the document could not be processed; ``str(err)`` is the one-line reason."""


class UnsupportedFormat(ExtractError):
    """The bytes are not a format we can read."""


class EmptyDocument(ExtractError):
    """The file holds no text to extract."""


class CorruptDocument(ExtractError):
    """The container is damaged or truncated."""


class EncryptedDocument(ExtractError):
    """The document is password-protected."""


class MissingDependency(ExtractError):
    """An optional tool (Tesseract, LibreOffice) is needed and not installed."""


class LimitExceeded(ExtractError):
    """A size, ratio, time or memory limit was exceeded."""


class InvalidOutput(ExtractError):
    """The produced target set does not validate against the schema (a bug, reported clearly)."""
