"""Publishing pipeline for official documents."""
