"""Plain data: the draft as read, and the resolution's structure, leads, citations and sessions."""
