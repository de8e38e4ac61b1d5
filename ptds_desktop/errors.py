"""Errors meant for the user: the CLI prints them without a traceback, the GUI shows them."""


class PtdsError(Exception):
    """A mistake the user can fix; the message is in Vietnamese and names what is wrong and where."""


class ValidationError(PtdsError):
    """Input rejected before anything was written. `field` names the offending form field."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFoundError(PtdsError):
    pass


class SchemaTooNewError(PtdsError):
    pass


class Cancelled(PtdsError):
    """The user stopped a long piece of work (an export); nothing was left half done."""
