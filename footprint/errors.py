"""The one error hierarchy of footprint and the exit codes it maps to.

Library code raises these; only `footprint.cli` turns them into a one-line message
and an exit code. Every message names the input and, where there is one, the fix.
"""

from __future__ import annotations

from enum import IntEnum

from search_providers.base import inert_text


class ExitStatus(IntEnum):
    """Exit codes of the `footprint` command (documented in the README)."""

    OK = 0
    ERROR = 1  # an unexpected failure: a bug, please report it
    USAGE = 2  # the command line itself is wrong (unknown option, missing argument)
    INPUT = 3  # an input file or profile is malformed
    PARTIAL = 4  # finished, but a source failed; everything found was kept
    CONFIG = 5  # a missing or invalid setting or API key
    NETWORK = 6  # the network failed and nothing could be done
    STORE = 7  # the local database is unreadable, too new or locked
    OUTPUT = 8  # an output file cannot be written; what was found is kept
    INTERRUPTED = 130  # stopped with Ctrl-C; what was found is kept


class FootprintError(Exception):
    """Base of every error footprint raises on purpose."""

    exit_status = ExitStatus.ERROR

    def __init__(self, message: str) -> None:
        # A message often quotes what a file or a person wrote (a key, a value, a name):
        # it stays one line, and no control character in it can drive a terminal.
        message = inert_text(message)
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(FootprintError):
    """A file the user gave is missing or malformed."""

    exit_status = ExitStatus.INPUT


class UsageError(FootprintError):
    """The command line asks for something impossible (a missing argument, clashing options)."""

    exit_status = ExitStatus.USAGE


class OutputError(FootprintError):
    """An output file cannot be written."""

    exit_status = ExitStatus.OUTPUT


class ProfileError(InputError):
    """The profile TOML is invalid."""


class ConfigError(FootprintError):
    """A setting or API key is missing or invalid."""

    exit_status = ExitStatus.CONFIG


class NetworkError(FootprintError):
    """The network failed in a way that leaves nothing to report."""

    exit_status = ExitStatus.NETWORK


class StoreError(FootprintError):
    """The local database cannot be used."""

    exit_status = ExitStatus.STORE


class Cancelled(FootprintError):
    """The person (or the app for them) cancelled the audit; what was saved is kept."""

    exit_status = ExitStatus.INTERRUPTED


class DataFileError(FootprintError):
    """A data file shipped with footprint (or a contributor's edit of one) breaks its schema."""

    exit_status = ExitStatus.ERROR


class ReportError(FootprintError):
    """A report could not be rendered or written."""

    exit_status = ExitStatus.ERROR
