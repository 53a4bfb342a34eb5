"""Part of the Qt interface (see dossier.ui)."""
