"""French quote extraction and attribution service."""
