"""Year calendars (kalendarium), planned dates, recurring meetings, external calendars and feeds."""
