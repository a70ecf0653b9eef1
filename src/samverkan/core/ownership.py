"""Records that belong to one body: access checks and the audit log both ask which body that is."""

from django.core.exceptions import ObjectDoesNotExist


class BelongsToBody:
    """Mixin for models of one body; `body_path` leads from the record to its body's id."""

    body_path = "body_id"

    def owning_body_id(self) -> int | None:
        """The id of the body this record belongs to, or None."""
        value = self
        try:
            for name in self.body_path.split("."):
                value = getattr(value, name)
                if value is None:
                    return None
        except ObjectDoesNotExist:  # a parent deleted in the same cascade
            return None
        return value

    def get_additional_data(self) -> dict:
        """What django-auditlog stores with each entry of this record: its body, for the secretariat's log."""
        return {"body_id": self.owning_body_id()}
