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


class FieldClash:
    """One field another writer changed since the form opened: its label, the value the form started from,
    the value saved by the other writer, and the value this user typed (all as the user reads them)."""

    __slots__ = ("field", "label", "started", "theirs", "mine")

    def __init__(self, field: str, label: str, started: str, theirs: str, mine: str):
        self.field, self.label, self.started, self.theirs, self.mine = field, label, started, theirs, mine

    def __repr__(self) -> str:
        return f"FieldClash({self.field!r}, started={self.started!r}, theirs={self.theirs!r}, mine={self.mine!r})"


class StaleEditError(PtdsError):
    """Saving would overwrite fields someone else changed since the form opened; nothing was saved. Save again
    with overwrite to keep this user's values, or reload to keep theirs."""

    def __init__(self, message: str, clashes: tuple[FieldClash, ...]):
        super().__init__(message)
        self.clashes = clashes
