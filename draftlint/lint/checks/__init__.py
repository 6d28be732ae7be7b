"""The built-in checks: one module a topic, each with RULES and check(resolution); listed in lint/registry.py."""
