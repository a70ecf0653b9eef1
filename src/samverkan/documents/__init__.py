"""Documents out: notices with agendas, minutes, meeting packets and calendar invitations."""
