"""Sync errors the user sees: the message names the file and what is wrong."""

from ptds_desktop.errors import PtdsError


class BundleError(PtdsError):
    """A bundle that must not be applied; nothing was changed."""


class SyncCancelled(PtdsError):
    """The user stopped an export or import; nothing was left half done."""
