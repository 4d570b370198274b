"""evintel consolidate stage."""
