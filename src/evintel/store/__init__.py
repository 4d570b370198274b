"""evintel store stage."""
