"""evintel query stage."""
