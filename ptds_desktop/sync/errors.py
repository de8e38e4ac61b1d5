"""Sync errors the user sees: the message names the file and what is wrong."""

from typing import Any

from ptds_desktop.errors import PtdsError


class BundleError(PtdsError):
    """A bundle that must not be applied; nothing was changed."""


class SyncCancelled(PtdsError):
    """The user stopped an export or import; nothing was left half done."""


class UnknownPeerError(BundleError):
    """The sender is seen for the first time: show the fingerprint; retry with trust=fingerprint."""

    def __init__(self, message: str, office_id: str, office_name: str, fingerprint: str):
        super().__init__(message)
        self.office_id = office_id
        self.office_name = office_name
        self.fingerprint = fingerprint


class NewerFormatError(BundleError):
    """A bundle in a format newer than this app reads. Its manifest is kept so that the caller can say which
    version to install, once the signature holds (unsigned text is never shown)."""

    def __init__(self, message: str, manifest: dict[str, Any], manifest_bytes: bytes, signature: str):
        super().__init__(message)
        self.manifest = manifest
        self.manifest_bytes = manifest_bytes
        self.signature = signature
