"""evintel serve stage."""
