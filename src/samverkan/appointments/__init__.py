"""Appointments (förtroendeuppdrag) under a body's rules of procedure: chair, exceptions, elections."""
