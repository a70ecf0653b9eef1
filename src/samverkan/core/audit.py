"""The audit log knows which body each change belongs to, so each secretariat reads its own."""

from django.core.exceptions import ObjectDoesNotExist


class BodyAudited:
    """Mixin for models that belong to one body; `audit_body_path` leads from the record to its body id."""

    audit_body_path = "body_id"

    def audit_body_id(self) -> int | None:
        value = self
        try:
            for name in self.audit_body_path.split("."):
                value = getattr(value, name)
                if value is None:
                    return None
        except ObjectDoesNotExist:  # a parent deleted in the same cascade
            return None
        return value

    def get_additional_data(self) -> dict:
        """What django-auditlog stores with each entry of this record."""
        return {"body_id": self.audit_body_id()}
