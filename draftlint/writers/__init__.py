"""What draftlint writes on top of the document layer: next session's draft (scaffold), a fixed copy (fix), a copy with comments (annotate) and a redline (diff)."""
