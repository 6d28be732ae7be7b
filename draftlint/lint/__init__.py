"""The rules: their registry, the engine, configuration, suppression, the Python checks and the YAML packs."""
