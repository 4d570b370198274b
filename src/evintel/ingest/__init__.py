"""evintel ingest stage."""
