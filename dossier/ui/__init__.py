"""The Qt desktop interface. Qt types stop here: everything below talks to dossier.services only."""
