"""Signals of the directory, for the apps above it that keep records of people."""

from django.dispatch import Signal

# Sent with `keep=` and `duplicate=` inside merge_people's transaction, before `duplicate` is
# deleted: each app moves what it recorded for `duplicate` onto `keep`.
people_merging = Signal()
