"""Word documents, in both directions: the package and its limits (limits, package), reading (read), building a
new document (build) and editing one in place (edit: insert, delete, replace, italics, comments, each optionally
a tracked change). Nothing is imported here, so that reading a draft does not load the editor."""
