"""evintel resolve stage."""
