"""Text and Markdown drafts: reading and writing."""
