from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save

# What the public pages show: a saved or deleted row of these moves the page cache's generation on
# (samverkan.core.pagecache), so no cached page outlives a change to it.
PUBLIC_CONTENT = [
    ("meetings", ["Meeting", "AgendaItem", "Clause", "Presentation", "Attachment", "Attendance",
                  "MinutesVersion", "Verifier", "Forwarding", "ExtractDispatch", "ExtractRecipient"]),
    ("archive", ["SourceDocument"]),
    ("directory", ["Body", "Organization", "Person", "Membership"]),
]


def _changed(sender, using=None, **kwargs):
    from samverkan.core.pagecache import content_changed

    content_changed(using or "default")


class WebConfig(AppConfig):
    name = "samverkan.web"
    verbose_name = "Webb"

    def ready(self):
        for app_label, names in PUBLIC_CONTENT:
            for name in names:
                model = self.apps.get_model(app_label, name)
                post_save.connect(_changed, sender=model, dispatch_uid=f"pagecache-save-{app_label}.{name}")
                post_delete.connect(_changed, sender=model, dispatch_uid=f"pagecache-delete-{app_label}.{name}")
        m2m_changed.connect(_changed, dispatch_uid="pagecache-m2m")
