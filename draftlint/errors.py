"""The one exception that reaches the drafter: a file that cannot be read as a draft."""


class InputError(Exception):
    """A file draftlint cannot read; the message says what is wrong in plain words."""


class NotAResolution(InputError):
    """A readable file that holds no resolution (no opening line, no operative paragraphs)."""
