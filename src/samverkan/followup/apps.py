from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "samverkan.followup"
    verbose_name = "Uppföljning hos medlemmarna"

    def ready(self):
        # Imported here, as Django asks: models are loaded only once the app registry is ready.
        from samverkan.core.archiving import register_archive_contributor
        from samverkan.directory.audit import quoted, register
        from samverkan.matters.sections import register_matter_section

        from .archiving import recommendation_records
        from .sections import matter_chain_section

        register("followup.recommendation",
                 lambda recommendation: f"{recommendation.get_kind_display().lower()}en {quoted(recommendation.title)}")
        register("followup.answer",
                 lambda answer: f"svaret från {answer.organization.name} på "
                                f"{answer.recommendation.get_kind_display().lower()}en "
                                f"{quoted(answer.recommendation.title)}")
        register("followup.mailing",
                 lambda mailing: f"utskicket ({mailing.get_kind_display().lower()}) av "
                                 f"{quoted(mailing.recommendation.title)}")
        register_matter_section(matter_chain_section)
        register_archive_contributor(recommendation_records)
