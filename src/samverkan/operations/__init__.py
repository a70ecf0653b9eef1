"""Operating an installation: backup and restore of the database and uploaded files."""
