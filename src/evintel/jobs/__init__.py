"""evintel jobs stage."""
