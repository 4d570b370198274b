"""evintel cli stage."""
