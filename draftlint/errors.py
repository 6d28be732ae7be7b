"""The one exception that reaches the drafter: a file that cannot be read as a draft."""


class InputError(Exception):
    """A file draftlint cannot read; the message says what is wrong in plain words."""


class PackError(InputError):
    """A pack or configuration file that cannot be used; the message names the file, the rule and the key."""


class NotAResolution(InputError):
    """A readable file that holds no resolution (no opening line, no operative paragraphs)."""
