"""A meeting's documents out: notice (agenda), minutes, meeting packet, calendar invitation."""
