"""Core tests import only ijkpunt_core: the core runs alone in the browser and is tested alone."""
